import { jobUpdated } from '../events/job-events';
import type { EmployersContext } from './employers.context';
import { statusForFill } from './job.rules';
import type { Trace } from './outgoing-event';

/**
 * Brings a job's `filled` count and status in line with the openings claimed
 * (the claims are the truth; the count on the job is a copy for reading), and
 * publishes the change. Idempotent: running it twice changes nothing more.
 */
export async function refreshFill(ctx: EmployersContext, jobId: string, trace: Trace): Promise<void> {
  await ctx.jobs.update(
    jobId,
    async (job) => {
      const filled = await ctx.openings.count(jobId);
      const status = statusForFill(job.status, job.openings, filled);
      if (filled === job.filled && status === job.status) return undefined;
      const now = ctx.now();
      const next = { ...job, filled, status, updatedAt: now };
      return { next, events: [jobUpdated(next, now)] };
    },
    trace,
  );
}
