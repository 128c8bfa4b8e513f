import { jobUpdated } from '../events/job-events';
import type { EmployersContext } from './employers.context';
import { isVerified } from './organisation.rules';
import type { Organisation } from './organisation.types';
import type { Trace } from './outgoing-event';

/**
 * Copies the employer's name and verification onto its jobs (officers filter
 * on them, matching ranks with them) and publishes each job that changed.
 */
export async function syncEmployerOnJobs(ctx: EmployersContext, organisation: Organisation, trace: Trace): Promise<void> {
  const verifiedEmployer = isVerified(organisation);
  for (const { id } of await ctx.jobs.findByEmployer(organisation.id)) {
    await ctx.jobs.update(
      id,
      (job) => {
        if (job.verifiedEmployer === verifiedEmployer && job.employerName === organisation.name) return undefined;
        const now = ctx.now();
        const next = { ...job, verifiedEmployer, employerName: organisation.name, updatedAt: now };
        return { next, events: [jobUpdated(next, now)] };
      },
      trace,
    );
  }
}
