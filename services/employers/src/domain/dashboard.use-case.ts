import { type Caller, orgOf } from './caller';
import { CHECK_IN_MONTHS } from './check-in.types';
import type { EmployersContext } from './employers.context';

const rateOf = (r: { checked: number; stillEmployed: number }) => ({ ...r, rate: r.checked === 0 ? null : r.stillEmployed / r.checked });

/**
 * The employer's numbers: open jobs and the openings left in them,
 * candidates per stage, hires, and retention from check-ins. Three reads (open
 * jobs, the applications' statuses, the check-ins), each counted here:
 * FerretDB has few aggregation operators and decodes a collection per query.
 */
export async function getDashboard(ctx: EmployersContext, caller: Caller) {
  const orgId = orgOf(caller);
  const openJobs = await ctx.jobs.findOpen(orgId, ctx.now());
  const [candidatesByStage, retentionAt] = await Promise.all([ctx.applications.countByStatus(orgId), ctx.checkIns.retention(orgId)]);
  const retention = CHECK_IN_MONTHS.map((m) => [`month${m}`, rateOf(retentionAt(m))] as const);
  return {
    openJobs: openJobs.length,
    openings: openJobs.reduce((sum, job) => sum + Math.max(job.openings - job.filled, 0), 0),
    candidatesByStage,
    hires: candidatesByStage.hired,
    retention: Object.fromEntries(retention),
  };
}
