import { assertReadable } from './access.rules';
import { applicationDto, type ApplicationDto } from './application.dto';
import { assertStatus, moveTo } from './application-status.rules';
import { vietnamDate, type IsoDate } from './calendar/iso-date';
import type { Caller } from './caller';
import type { LoansContext } from './loans.context';
import { errors } from './loans.errors';
import { monthlyRatePpm } from './policy/credit-policies';
import { loanPolicy } from './repayment/loan-terms';
import { buildSchedule } from './repayment/repayment-schedule.rules';

/**
 * The approved loan is paid out (→ disbursed) and its repayment schedule fixed, with the rate and method of
 * the policy in force on the disbursement day. One disbursement per loan; a retry of the same one is a no-op.
 */
export async function recordDisbursement(ctx: LoansContext, caller: Caller, id: string, input: { amountVnd: number; on: IsoDate }): Promise<ApplicationDto> {
  const updated = await ctx.applications.change(
    id,
    (current) => {
      assertReadable(current, id, caller);
      const same = current.disbursement && current.disbursement.amountVnd === input.amountVnd && current.disbursement.on === input.on;
      if (same) return { next: current, events: [] };
      assertStatus(current, ['approved'], 'disburse');
      if (input.amountVnd > current.amountVnd) throw errors.disbursementOverApproved(current.amountVnd);
      const decidedOn = current.decision ? vietnamDate(new Date(current.decision.at)) : current.createdAt.slice(0, 10);
      if (input.on < decidedOn || input.on > vietnamDate(ctx.now())) {
        throw errors.dateOutOfRange('on', `the disbursement date must lie between the decision (${decidedOn}) and today`);
      }
      const policy = loanPolicy(ctx, input.on);
      const schedule = buildSchedule({ principalVnd: input.amountVnd, termMonths: current.termMonths, disbursedOn: input.on, monthlyRatePpm: monthlyRatePpm(policy), method: policy.schedule });
      const at = ctx.now().toISOString();
      return moveTo({ ...current, disbursement: { ...input, by: caller.userId, at }, schedule, updatedAt: at }, 'disbursed', caller, ctx.now());
    },
    caller.trace,
  );
  return applicationDto(updated, caller);
}
