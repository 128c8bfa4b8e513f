import { randomUUID } from 'node:crypto';
import { assertReadable } from './access.rules';
import { applicationDto, type ApplicationDto } from './application.dto';
import { assertStatus, moveTo } from './application-status.rules';
import type { Caller } from './caller';
import type { LoansContext } from './loans.context';
import type { DocumentKind } from './policy/credit-policy.types';

/**
 * The bank sends the file back for more documents or information (→ more-info-needed). The decision clock
 * pauses; it starts again when the applicant resubmits a complete file.
 */
export async function requestMoreInfo(ctx: LoansContext, caller: Caller, id: string, input: { reason: string; documents?: DocumentKind[] }): Promise<ApplicationDto> {
  const updated = await ctx.applications.change(
    id,
    (current) => {
      assertReadable(current, id, caller);
      assertStatus(current, ['submitted', 'under-review'], 'ask for more information on');
      const at = ctx.now().toISOString();
      const note = { id: randomUUID(), kind: 'more-info-request' as const, text: input.reason, documents: input.documents ?? [], by: caller.userId, at };
      return moveTo({ ...current, notes: [...current.notes, note], updatedAt: at }, 'more-info-needed', caller, ctx.now(), [input.reason]);
    },
    caller.trace,
  );
  return applicationDto(updated, caller);
}
