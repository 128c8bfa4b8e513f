import { clampLimit, decodeCreatedAtCursor, pageByCreatedAt } from '@hoanhap/kit';
import { type Caller, orgOf } from './caller';
import type { EmployersContext } from './employers.context';
import { jobDto } from './job.dto';
import { loadVisibleJob } from './job-access';
import type { JobFilter } from './job.types';

export interface JobQuery extends Omit<JobFilter, 'excludeStatuses'> {
  limit?: number;
  cursor?: string;
}

/** The filter a caller may use: employers only ever see their own jobs, officers never see drafts. */
function scoped(caller: Caller, filter: JobFilter): JobFilter {
  if (caller.role === 'employer') return { ...filter, employerOrgId: orgOf(caller) };
  if (caller.role === 'officer') return { ...filter, excludeStatuses: ['draft'] };
  return filter;
}

export async function listJobs(ctx: EmployersContext, caller: Caller, query: JobQuery) {
  const { limit, cursor, ...filter } = query;
  const now = ctx.now();
  const { items, more } = await ctx.jobs.list(scoped(caller, filter), now, clampLimit(limit), decodeCreatedAtCursor(cursor));
  const page = pageByCreatedAt(items, more);
  return { items: page.items.map((job) => jobDto(job, now)), nextCursor: page.nextCursor };
}

export async function getJob(ctx: EmployersContext, caller: Caller, id: string) {
  return jobDto(await loadVisibleJob(ctx, caller, id), ctx.now());
}
