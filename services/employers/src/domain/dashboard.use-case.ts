import { APPLICATION_STATUSES, type ApplicationStatus } from './application.types';
import { type Caller, orgOf } from './caller';
import { CHECK_IN_MONTHS } from './check-in.types';
import type { EmployersContext } from './employers.context';

const rateOf = (r: { checked: number; stillEmployed: number }) => ({ ...r, rate: r.checked === 0 ? null : r.stillEmployed / r.checked });

/**
 * The employer's numbers: open jobs and the openings left in them,
 * candidates per stage, hires, and retention from check-ins. Counted with
 * plain counts (FerretDB has few aggregation operators), a handful of
 * indexed queries per call.
 */
export async function getDashboard(ctx: EmployersContext, caller: Caller) {
  const orgId = orgOf(caller);
  const openJobs = await ctx.jobs.findOpen(orgId, ctx.now());
  const counts = await Promise.all(APPLICATION_STATUSES.map(async (s) => [s, await ctx.applications.countByStatus(orgId, s)] as const));
  const retention = await Promise.all(
    CHECK_IN_MONTHS.map(async (m) => [`month${m}`, rateOf(await ctx.checkIns.retention(orgId, m))] as const),
  );
  const candidatesByStage = Object.fromEntries(counts) as Record<ApplicationStatus, number>;
  return {
    openJobs: openJobs.length,
    openings: openJobs.reduce((sum, job) => sum + Math.max(job.openings - job.filled, 0), 0),
    candidatesByStage,
    hires: candidatesByStage.hired,
    retention: Object.fromEntries(retention),
  };
}
