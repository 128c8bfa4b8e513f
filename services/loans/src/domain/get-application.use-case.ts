import { assertReadable, canEdit } from './access.rules';
import { applicationDto, type ApplicationDto } from './application.dto';
import type { Caller } from './caller';
import { evaluate } from './evaluate-application';
import type { LoansContext } from './loans.context';
import { auditRead, clockOf } from './read-access';

/** One application as the caller may see it (404 otherwise); the applicant also sees what the file lacks. */
export async function getApplication(ctx: LoansContext, caller: Caller, id: string): Promise<ApplicationDto> {
  const application = assertReadable(await ctx.applications.get(id), id, caller);
  await auditRead(ctx, caller, 'loan-application.read', id);
  const returnee = application.returneeId ? await ctx.returnees.get(application.returneeId) : undefined;
  const editable = canEdit(application, caller) && ['draft', 'more-info-needed'].includes(application.status);
  const completeness = editable ? (await evaluate(ctx, application)).completeness : undefined;
  return applicationDto(application, caller, { returnee, clock: clockOf(ctx, application), completeness });
}
