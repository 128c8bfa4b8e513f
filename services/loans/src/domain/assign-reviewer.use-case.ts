import { assertReadable } from './access.rules';
import { applicationDto, type ApplicationDto } from './application.dto';
import { assertStatus, moveTo } from './application-status.rules';
import type { Caller } from './caller';
import type { LoansContext } from './loans.context';
import { clockOf } from './read-access';

/**
 * A branch officer takes (or is given) the file to assess: submitted → under-review. The reviewer is who
 * assesses it, and therefore who may not decide it (four-eyes).
 */
export async function assignReviewer(ctx: LoansContext, caller: Caller, id: string, reviewerId?: string): Promise<ApplicationDto> {
  const updated = await ctx.applications.change(
    id,
    (current) => {
      assertReadable(current, id, caller);
      assertStatus(current, ['submitted', 'under-review'], 'assign');
      const assigned = { ...current, reviewerId: reviewerId ?? caller.userId, updatedAt: ctx.now().toISOString() };
      const moved = moveTo(assigned, 'under-review', caller, ctx.now());
      return moved;
    },
    caller.trace,
  );
  return applicationDto(updated, caller, { clock: clockOf(ctx, updated) });
}
