import type { Caller } from './caller';
import { errors } from './employers.errors';
import type { EmployersContext } from './employers.context';
import { organisationDto, type OrganisationDto } from './organisation.dto';
import type { Trace } from './outgoing-event';
import { syncEmployerOnJobs } from './sync-employer-jobs';

/**
 * An officer's or administrator's decision on an employer. Verifying needs
 * the pledge: officers show verified employers' jobs as trustworthy to the
 * people they refer.
 */
export async function verifyOrganisation(
  ctx: EmployersContext,
  caller: Caller,
  trace: Trace,
  orgId: string,
  input: { decision: 'verified' | 'rejected'; note?: string },
): Promise<OrganisationDto> {
  const now = ctx.now();
  const saved = await ctx.organisations.save(orgId, (current) => {
    if (!current) throw errors.organisationNotFound(orgId);
    if (input.decision === 'verified' && !current.pledge) throw errors.pledgeMissing();
    const verification = {
      status: input.decision,
      decidedBy: caller.userId,
      decidedByRole: caller.role,
      decidedAt: now,
      ...(input.note ? { note: input.note } : {}),
    };
    return { ...current, verification, updatedAt: now };
  });
  await syncEmployerOnJobs(ctx, saved, trace);
  return organisationDto(saved);
}
