import { type Caller, isEmployerOf } from './caller';
import { errors } from './employers.errors';
import type { EmployersContext } from './employers.context';
import type { Job } from './job.types';

/**
 * Who may see a job: its own employer, officers (never a draft), admins.
 * Anyone else gets 404, not 403, so ids of other organisations' jobs cannot
 * be probed (OWASP API1).
 */
export function canSeeJob(caller: Caller, job: Job): boolean {
  if (caller.role === 'employer') return isEmployerOf(caller, job.employerOrgId);
  if (caller.role === 'officer') return job.status !== 'draft';
  return caller.role === 'admin';
}

export async function loadVisibleJob(ctx: EmployersContext, caller: Caller, id: string): Promise<Job> {
  const job = await ctx.jobs.findById(id);
  if (!job || !canSeeJob(caller, job)) throw errors.jobNotFound(id);
  return job;
}

/** The caller's own job, for changes; another organisation's job does not exist for it. */
export async function loadOwnJob(ctx: EmployersContext, caller: Caller, id: string): Promise<Job> {
  const job = await ctx.jobs.findById(id);
  if (!job || !isEmployerOf(caller, job.employerOrgId)) throw errors.jobNotFound(id);
  return job;
}
