import { randomUUID } from 'node:crypto';
import { jobUpdated } from '../events/job-events';
import type { EmployersContext } from './employers.context';
import { effectiveStatus } from './job.rules';

/**
 * The periodic sweep: open jobs past their closing date become `expired` in
 * storage and matching hears of it. Readers already see them expired (the
 * status is computed at read); the sweep makes it an event. Returns how many.
 */
export async function expireJobs(ctx: EmployersContext, batch = 200): Promise<number> {
  const trace = { correlationId: `expiry-sweep:${randomUUID()}` };
  let expired = 0;
  for (const candidate of await ctx.jobs.findPastClosing(ctx.now(), batch)) {
    await ctx.jobs.update(
      candidate.id,
      (job) => {
        const now = ctx.now();
        if (job.status !== 'open' || effectiveStatus(job, now) !== 'expired') return undefined;
        const next = { ...job, status: 'expired' as const, updatedAt: now };
        expired++;
        return { next, events: [jobUpdated(next, now)] };
      },
      trace,
    );
  }
  return expired;
}
