import { assertEditable } from './access.rules';
import { applicationDto, type ApplicationDto } from './application.dto';
import { assertStatus } from './application-status.rules';
import type { Caller } from './caller';
import type { EditableApplicationField, NewApplication } from './create-application.use-case';
import { evaluate, withEvaluation } from './evaluate-application';
import { checkApplicantInput } from './applicant-input.rules';
import type { LoansContext } from './loans.context';

/** What the applicant may still change; who borrows and the purpose are fixed at creation. */
export type ApplicationChanges = Partial<Pick<NewApplication, EditableApplicationField>>;

/** Completes a draft (or a file sent back for more information) and re-runs the pre-check. */
export async function updateApplication(
  ctx: LoansContext,
  caller: Caller,
  id: string,
  changes: ApplicationChanges,
): Promise<ApplicationDto> {
  let completeness: Awaited<ReturnType<typeof evaluate>>['completeness'] = [];
  const updated = await ctx.applications.change(
    id,
    async (current) => {
      assertEditable(current, id, caller);
      assertStatus(current, ['draft', 'more-info-needed'], 'edit');
      const merged = { ...current, ...changes, updatedAt: ctx.now().toISOString() };
      checkApplicantInput(caller, merged);
      const evaluation = await evaluate(ctx, merged);
      completeness = evaluation.completeness;
      return { next: withEvaluation(merged, evaluation), events: [] };
    },
    caller.trace,
  );
  const returnee = updated.returneeId ? await ctx.returnees.get(updated.returneeId) : undefined;
  return applicationDto(updated, caller, { returnee, completeness });
}
