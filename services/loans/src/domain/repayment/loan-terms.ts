import type { LoanApplication } from '../application.types';
import { vietnamDate, type IsoDate } from '../calendar/iso-date';
import type { LoansContext } from '../loans.context';
import { errors } from '../loans.errors';
import { monthlyRatePpm, policyOn } from '../policy/credit-policies';
import type { CreditPolicy } from '../policy/credit-policy.types';
import { loanStanding, type LoanStanding } from './loan-standing.rules';

/**
 * The policy whose rate and schedule method govern a loan: the one in force when it was disbursed (or today,
 * for a projection). A later decision changes new loans, not the terms of running ones.
 */
export function loanPolicy(ctx: LoansContext, on: IsoDate): CreditPolicy {
  const policy = policyOn(ctx.policies, on);
  if (!policy) throw errors.noPolicy(on);
  return policy;
}

/** Where a disbursed loan stands on `asOf`. */
export function standingOf(ctx: LoansContext, application: LoanApplication, asOf: IsoDate = vietnamDate(ctx.now())): LoanStanding | undefined {
  if (!application.disbursement || !application.schedule) return undefined;
  const policy = loanPolicy(ctx, application.disbursement.on);
  return loanStanding({
    schedule: application.schedule,
    repayments: application.repayments,
    asOf,
    monthlyRatePpm: monthlyRatePpm(policy),
    overdueRatePercentOfRate: policy.overdueRatePercentOfRate.value,
  });
}

/** The status a disbursed loan should have given its standing. */
export function repaymentStatus(application: LoanApplication, standing: LoanStanding): LoanApplication['status'] {
  if (standing.settled) return 'closed';
  if (standing.overdue) return 'overdue';
  return application.repayments.length > 0 ? 'repaying' : 'disbursed';
}
