import { moveTo } from './application-status.rules';
import type { LoansContext } from './loans.context';
import type { Trace } from './outgoing-event';
import { repaymentStatus, standingOf } from './repayment/loan-terms';

/**
 * The daily sweep: a disbursed loan with an instalment unpaid past its due date becomes overdue (and back to
 * repaying once caught up), each change published. Safe to run on every instance: each change goes through
 * the application's single writer and changes nothing when the status is already right.
 */
export async function detectOverdue(ctx: LoansContext, trace: Trace): Promise<{ checked: number; changed: string[] }> {
  const ids = await ctx.applications.idsWithStatus(['disbursed', 'repaying', 'overdue']);
  const changed: string[] = [];
  for (const id of ids) {
    const before = (await ctx.applications.get(id))?.status;
    const after = await ctx.applications.change(
      id,
      (current) => {
        const standing = standingOf(ctx, current);
        if (!standing || !['disbursed', 'repaying', 'overdue'].includes(current.status)) return { next: current, events: [] };
        return moveTo(current, repaymentStatus(current, standing), { userId: 'loans' }, ctx.now());
      },
      trace,
    );
    if (after.status !== before) changed.push(id);
  }
  return { checked: ids.length, changed };
}
