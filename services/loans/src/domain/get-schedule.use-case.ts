import { assertReadable } from './access.rules';
import type { Caller } from './caller';
import { vietnamDate } from './calendar/iso-date';
import type { LoansContext } from './loans.context';
import { monthlyRatePpm } from './policy/credit-policies';
import { auditRead } from './read-access';
import { loanPolicy, standingOf } from './repayment/loan-terms';
import { buildSchedule } from './repayment/repayment-schedule.rules';

/**
 * The repayment schedule with where each instalment stands today, overdue interest included. Before
 * disbursement it is a projection (disbursed today, the requested amount), so the borrower sees the cost.
 */
export async function getSchedule(ctx: LoansContext, caller: Caller, id: string) {
  const application = assertReadable(await ctx.applications.get(id), id, caller);
  await auditRead(ctx, caller, 'loan-schedule.read', id);
  const today = vietnamDate(ctx.now());
  const disbursedOn = application.disbursement?.on ?? today;
  const policy = loanPolicy(ctx, disbursedOn);
  const terms = {
    principalVnd: application.disbursement?.amountVnd ?? application.amountVnd,
    termMonths: application.termMonths,
    disbursedOn,
    monthlyRatePercent: policy.monthlyRatePercent.value,
    overdueRatePercentOfRate: policy.overdueRatePercentOfRate.value,
    method: policy.schedule,
  };
  const standing = standingOf(ctx, application, today);
  if (standing) return { applicationId: id, projected: false, ...terms, ...standing };
  const instalments = buildSchedule({ ...terms, monthlyRatePpm: monthlyRatePpm(policy) });
  return { applicationId: id, projected: true, ...terms, asOf: today, instalments, totalInterestVnd: instalments.reduce((s, i) => s + i.interestVnd, 0) };
}
