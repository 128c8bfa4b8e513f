import { applicationStatusChanged } from '../events/application-events';
import { applicationDto, type ApplicationDto } from './application.dto';
import { applyPatch, checkPatch, checkTransition } from './application.rules';
import type { Application, ApplicationPatch } from './application.types';
import { type Caller, isEmployerOf } from './caller';
import { errors } from './employers.errors';
import type { EmployersContext } from './employers.context';
import { refreshFill } from './job-fill';
import type { Trace } from './outgoing-event';

/**
 * A hire takes one of the job's openings first. The claim is a unique insert
 * (kit's claimSlot), so concurrent hires — in this process or another — never
 * exceed the openings; a repeated hire of the same application keeps its claim.
 */
async function claimOpening(ctx: EmployersContext, application: Application): Promise<boolean> {
  const job = await ctx.jobs.findById(application.jobId);
  const claim = job ? await ctx.openings.claim(job.id, application.id, job.openings) : 'full';
  if (claim === 'full') throw errors.jobFull(application.jobId);
  return claim === 'claimed';
}

/** Failures after which the store guarantees nothing was written: the opening taken for the hire goes back. */
const NOT_WRITTEN = ['EVENTS.LOCK_EXPIRED', 'EVENTS.INVALID_PAYLOAD'];

/**
 * The employer moves its application on (interview, offered, hired, declined)
 * along the legal transitions; each move is published for cases, which closes
 * the loop on the referral. A hire updates the job's filled count and status.
 */
export async function changeApplicationStatus(
  ctx: EmployersContext,
  caller: Caller,
  trace: Trace,
  id: string,
  patch: ApplicationPatch,
): Promise<ApplicationDto> {
  checkPatch(patch);
  let claimed: string | undefined;
  const next = await ctx.applications
    .update(
      id,
      async (current) => {
        if (!isEmployerOf(caller, current.employerOrgId)) throw errors.applicationNotFound(id);
        checkTransition(current.status, patch.status);
        if (patch.status === 'hired' && (await claimOpening(ctx, current))) claimed = current.jobId;
        const now = ctx.now();
        // acting on an application means it was seen, even if it was never opened on its own
        const changed = applyPatch({ ...current, openedAt: current.openedAt ?? now }, patch, now);
        return { next: changed, events: [applicationStatusChanged(changed)] };
      },
      trace,
    )
    .catch(async (error: unknown) => {
      if (claimed && NOT_WRITTEN.includes((error as { code?: string }).code ?? '')) await ctx.openings.release(claimed, id);
      throw error;
    });
  if (!next) throw errors.applicationNotFound(id);
  if (next.status === 'hired') await refreshFill(ctx, next.jobId, trace);
  const [profile, job] = await Promise.all([ctx.profiles.findById(next.returneeId), ctx.jobs.findById(next.jobId)]);
  return applicationDto(next, profile, job?.title);
}
