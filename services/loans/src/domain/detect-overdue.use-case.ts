import { moveTo } from './application-status.rules';
import type { LoansContext } from './loans.context';
import type { Trace } from './outgoing-event';
import { repaymentStatus, standingOf } from './repayment/loan-terms';

const RUNNING = ['disbursed', 'repaying', 'overdue'];

/**
 * The periodic sweep: a disbursed loan with an instalment unpaid past its due date becomes overdue (and back
 * to repaying once caught up), each change published. A plain read decides first, so the loans whose status
 * is right cost no lock; a change goes through the application's single writer and decides again there.
 * Safe to run on every instance.
 */
export async function detectOverdue(ctx: LoansContext, trace: Trace): Promise<{ checked: number; changed: string[] }> {
  const ids = await ctx.applications.idsWithStatus(['disbursed', 'repaying', 'overdue']);
  const changed: string[] = [];
  for (const id of ids) {
    const current = await ctx.applications.get(id);
    const standing = current && standingOf(ctx, current);
    if (!current || !standing || repaymentStatus(current, standing) === current.status) continue;
    const after = await ctx.applications.change(
      id,
      (latest) => {
        const now = standingOf(ctx, latest);
        if (!now || !RUNNING.includes(latest.status)) return { next: latest, events: [] };
        return moveTo(latest, repaymentStatus(latest, now), { userId: 'loans' }, ctx.now());
      },
      trace,
    );
    if (after.status !== current.status) changed.push(id);
  }
  return { checked: ids.length, changed };
}
