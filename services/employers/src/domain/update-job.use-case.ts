import { jobUpdated } from '../events/job-events';
import { type Caller, isEmployerOf } from './caller';
import { errors } from './employers.errors';
import type { EmployersContext } from './employers.context';
import { jobDto, type JobDto } from './job.dto';
import { canEmployerMove, effectiveStatus, jobIssues, parseClosesAt, statusForFill } from './job.rules';
import type { Job, JobPatch, JobStatus } from './job.types';
import { isStateAgencyJob } from './organisation.rules';
import type { Trace } from './outgoing-event';
import { throwIfAny } from './reference.rules';

/**
 * The status after an employer's edit: an explicit move must be legal from
 * the status as shown; a new closing date in the future revives an expired
 * job; then the openings and hires decide between open and filled.
 */
function nextStatus(job: Job, patch: JobPatch, now: Date): JobStatus {
  const shown = effectiveStatus(job, now);
  if (patch.status !== undefined && !canEmployerMove(shown, patch.status)) throw errors.jobTransitionIllegal(shown, patch.status);
  const reopening = patch.status === 'open' || (shown === 'expired' && patch.closesAt !== undefined);
  if (reopening && effectiveStatus({ status: 'open', closesAt: job.closesAt }, now) === 'expired') {
    throw errors.invalid('JOB.CLOSES_IN_PAST', 'closesAt', 'future', 'set a closesAt in the future to reopen the job');
  }
  const wanted = patch.status === 'closed' ? 'closed' : reopening ? 'open' : job.status;
  return statusForFill(wanted, job.openings, job.filled);
}

/** The job after the edit, checked; throws for anything the employer may not do. */
async function edit(ctx: EmployersContext, current: Job, patch: JobPatch, now: Date): Promise<Job> {
  const { status: _status, closesAt, ...fields } = patch;
  const edited: Job = { ...current, ...fields, ...(closesAt !== undefined ? { closesAt: parseClosesAt(closesAt) } : {}), updatedAt: now };
  throwIfAny(jobIssues(edited, now, { closesAt: closesAt !== undefined }));
  if (edited.openings < current.filled) throw errors.openingsBelowHires(current.filled);
  // a new occupation may be a state post at this employer (Art. 44), which matching must know
  if (fields.occupationCode)
    edited.stateAgency = isStateAgencyJob(edited.occupationCode, (await ctx.organisations.findById(current.employerOrgId))?.sector);
  return { ...edited, status: nextStatus(edited, patch, now) };
}

/** Changes the caller's own job (another organisation's is 404) and publishes employers.job.updated.v1. */
export async function updateJob(ctx: EmployersContext, caller: Caller, trace: Trace, id: string, patch: JobPatch): Promise<JobDto> {
  const now = ctx.now();
  const job = await ctx.jobs.update(
    id,
    async (current) => {
      if (!isEmployerOf(caller, current.employerOrgId)) throw errors.jobNotFound(id);
      const next = await edit(ctx, current, patch, now);
      return { next, events: [jobUpdated(next, now)] };
    },
    trace,
  );
  if (!job) throw errors.jobNotFound(id);
  return jobDto(job, now);
}
