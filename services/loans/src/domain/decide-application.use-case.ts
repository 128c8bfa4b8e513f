import { assertReadable } from './access.rules';
import { applicationDto, type ApplicationDto } from './application.dto';
import { assertStatus, moveTo } from './application-status.rules';
import type { LoanApplication } from './application.types';
import type { Caller } from './caller';
import type { LoansContext } from './loans.context';
import { errors } from './loans.errors';

export interface Decision {
  decision: 'approved' | 'rejected';
  reasons: string[];
}

/** Who assessed the file: its reviewer and everyone who recorded an assessment. */
export const assessorsOf = (application: LoanApplication): string[] => [
  ...new Set([...(application.reviewerId ? [application.reviewerId] : []), ...application.notes.filter((n) => n.kind === 'assessment').map((n) => n.by)]),
];

/**
 * The branch decides (→ approved | rejected, published as loans.application.status-changed.v1, which moves
 * the referral in cases). Four-eyes: the decider must not be anyone who assessed the file.
 */
export async function decideApplication(ctx: LoansContext, caller: Caller, id: string, input: Decision): Promise<ApplicationDto> {
  if (input.decision === 'rejected' && input.reasons.length === 0) throw errors.reasonsRequired();
  const updated = await ctx.applications.change(
    id,
    (current) => {
      assertReadable(current, id, caller);
      assertStatus(current, ['under-review'], 'decide');
      if (!current.notes.some((n) => n.kind === 'assessment')) throw errors.notAssessed();
      const assessedBy = assessorsOf(current);
      if (assessedBy.includes(caller.userId)) throw errors.fourEyes();
      const at = ctx.now().toISOString();
      const decided = { ...current, decision: { ...input, by: caller.userId, at, assessedBy }, updatedAt: at };
      return moveTo(decided, input.decision, caller, ctx.now(), input.reasons);
    },
    caller.trace,
  );
  return applicationDto(updated, caller);
}
