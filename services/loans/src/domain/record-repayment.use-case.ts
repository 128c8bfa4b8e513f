import { idempotentId } from '@hoanhap/kit';
import { randomUUID } from 'node:crypto';
import { assertReadable } from './access.rules';
import { assertStatus, moveTo } from './application-status.rules';
import type { Repayment } from './application.types';
import { vietnamDate, type IsoDate } from './calendar/iso-date';
import type { Caller } from './caller';
import type { LoansContext } from './loans.context';
import { errors } from './loans.errors';
import { repaymentStatus, standingOf } from './repayment/loan-terms';

/**
 * A repayment collected by the branch (or through the savings-and-loan group). It goes to overdue interest,
 * then to what is due, then ahead; the loan becomes repaying, overdue or closed accordingly. With an
 * Idempotency-Key, a retried repayment is recorded once.
 */
export async function recordRepayment(ctx: LoansContext, caller: Caller, id: string, key: string | undefined, input: { amountVnd: number; on: IsoDate }) {
  const repaymentId = key ? idempotentId('loan-repayment', `${caller.userId}|${id}`, key) : randomUUID();
  let replayed = false;
  const updated = await ctx.applications.change(
    id,
    (current) => {
      assertReadable(current, id, caller);
      if (current.repayments.some((r) => r.id === repaymentId)) {
        replayed = true;
        return { next: current, events: [] };
      }
      assertStatus(current, ['disbursed', 'repaying', 'overdue'], 'record a repayment on');
      const today = vietnamDate(ctx.now());
      if (input.on > today || input.on < current.disbursement!.on) throw errors.dateOutOfRange('on', `the repayment date must lie between the disbursement (${current.disbursement!.on}) and today`);
      const payoff = standingOf(ctx, current, input.on)!.payoffVnd;
      if (input.amountVnd > payoff) throw errors.repaymentTooLarge(payoff);
      const repayment: Repayment = { id: repaymentId, ...input, by: caller.userId, at: ctx.now().toISOString() };
      const next = { ...current, repayments: [...current.repayments, repayment], updatedAt: repayment.at };
      return moveTo(next, repaymentStatus(next, standingOf(ctx, next, today)!), caller, ctx.now());
    },
    caller.trace,
  );
  const standing = standingOf(ctx, updated)!;
  return { replayed, repayment: updated.repayments.find((r) => r.id === repaymentId)!, status: updated.status, standing: { outstandingPrincipalVnd: standing.outstandingPrincipalVnd, overduePrincipalVnd: standing.overduePrincipalVnd, penaltyInterestDueVnd: standing.penaltyInterestDueVnd, payoffVnd: standing.payoffVnd } };
}
