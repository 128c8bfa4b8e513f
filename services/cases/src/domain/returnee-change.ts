import { assertWritable, managedOrNotFound } from './access.rules';
import { audit } from './audit-trail';
import { todayInVietnam } from './calendar.rules';
import type { CasesContext } from './cases.context';
import type { OutgoingEvent } from './outgoing-event';
import type { Returnee } from './returnee';
import type { Actor } from './returnee.types';

export interface Change<R = undefined> {
  file: Returnee;
  events: OutgoingEvent[];
  result?: R;
}

/**
 * The one way a file changes: as its only writer, load it (404 unless the actor manages it), let `change`
 * compute the new file and its events, write both in one document write, and log the change. `change` runs
 * while the file is locked, so writes it makes to other aggregates (withdrawing referrals) cannot interleave
 * with a referral being created for this file.
 */
export async function changeReturnee<R = undefined>(
  ctx: CasesContext,
  actor: Actor,
  id: string,
  action: string,
  change: (current: Returnee, today: string, now: string) => Change<R> | Promise<Change<R>>,
): Promise<{ file: Returnee; result?: R }> {
  const now = ctx.clock().toISOString();
  let result: R | undefined;
  const file = await ctx.returnees.change(id, actor, async (found) => {
    const current = managedOrNotFound(actor, found, id);
    assertWritable(current);
    const outcome = await change(current, todayInVietnam(ctx.clock()), now);
    result = outcome.result;
    return { file: { ...outcome.file, updatedAt: now }, events: outcome.events };
  });
  await audit(ctx, actor, action, { type: 'returnee', id });
  return { file, result };
}
