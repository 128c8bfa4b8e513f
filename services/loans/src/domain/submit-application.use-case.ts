import { assertEditable } from './access.rules';
import { applicationDto, type ApplicationDto } from './application.dto';
import { assertStatus, moveTo } from './application-status.rules';
import { vietnamDate } from './calendar/iso-date';
import type { Caller } from './caller';
import { evaluate, withEvaluation } from './evaluate-application';
import type { LoansContext } from './loans.context';
import { errors } from './loans.errors';

/**
 * Sends the file to the bank. Refused with 422 listing EVERY failing rule — legal eligibility and the file
 * checklist together — so the officer fixes everything in one go. A complete file starts the bank's
 * 3-working-day clock; a file sent back for more information goes back to its reviewer.
 */
export async function submitApplication(ctx: LoansContext, caller: Caller, id: string): Promise<ApplicationDto> {
  const updated = await ctx.applications.change(
    id,
    async (current) => {
      assertEditable(current, id, caller);
      assertStatus(current, ['draft', 'more-info-needed'], 'submit');
      const evaluation = await evaluate(ctx, current);
      const failures = [...evaluation.eligibility.failures, ...evaluation.completeness];
      if (failures.length > 0) throw errors.notEligible(failures);
      const now = ctx.now();
      const target = current.status === 'more-info-needed' && current.reviewerId ? 'under-review' : 'submitted';
      const moved = moveTo({ ...withEvaluation(current, evaluation), completeOn: vietnamDate(now) }, target, caller, now);
      return moved;
    },
    caller.trace,
  );
  return applicationDto(updated, caller, { completeness: [] });
}
