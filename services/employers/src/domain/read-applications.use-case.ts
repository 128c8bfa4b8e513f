import { clampLimit, decodeCreatedAtCursor, pageByCreatedAt } from '@hoanhap/kit';
import { applicationStatusChanged } from '../events/application-events';
import { applicationDto, type ApplicationDto } from './application.dto';
import { loadVisibleApplication } from './application-access';
import type { Application, ApplicationFilter, ApplicationStatus } from './application.types';
import { type Caller, isEmployerOf, orgOf } from './caller';
import type { EmployersContext } from './employers.context';
import { loadVisibleJob } from './job-access';
import type { Trace } from './outgoing-event';

export interface ApplicationQuery {
  status?: ApplicationStatus;
  jobId?: string;
  limit?: number;
  cursor?: string;
}

/**
 * The employer's first read marks the application opened and tells cases
 * (status-changed with `openedAt`), so the referral shows `seen`.
 */
async function markOpened(ctx: EmployersContext, trace: Trace, application: Application): Promise<Application> {
  const opened = await ctx.applications.update(
    application.id,
    (current) => {
      if (current.openedAt) return undefined;
      const now = ctx.now();
      const next = { ...current, openedAt: now, updatedAt: now };
      return { next, events: [applicationStatusChanged(next)] };
    },
    trace,
  );
  return opened ?? application;
}

export async function getApplication(ctx: EmployersContext, caller: Caller, trace: Trace, id: string): Promise<ApplicationDto> {
  let application = await loadVisibleApplication(ctx, caller, id);
  if (!application.openedAt && isEmployerOf(caller, application.employerOrgId)) application = await markOpened(ctx, trace, application);
  const [profile, job] = await Promise.all([ctx.profiles.findById(application.returneeId), ctx.jobs.findById(application.jobId)]);
  return applicationDto(application, profile, job?.title);
}

function scoped(caller: Caller, filter: ApplicationFilter): ApplicationFilter {
  if (caller.role === 'employer') return { ...filter, employerOrgId: orgOf(caller) };
  if (caller.role === 'officer') return { ...filter, officerScope: { orgId: caller.orgId, provinceCode: caller.provinceCode } };
  return filter;
}

/** A page of applications, each with the candidate's consented profile as it is now. */
async function page(ctx: EmployersContext, filter: ApplicationFilter, query: ApplicationQuery) {
  const { items, more } = await ctx.applications.list(filter, clampLimit(query.limit), decodeCreatedAtCursor(query.cursor));
  const profiles = new Map((await ctx.profiles.findByIds(items.map((a) => a.returneeId))).map((p) => [p.returneeId, p]));
  const titles = new Map((await ctx.jobs.findByIds([...new Set(items.map((a) => a.jobId))])).map((j) => [j.id, j.title]));
  const result = pageByCreatedAt(items, more);
  return {
    items: result.items.map((a) => applicationDto(a, profiles.get(a.returneeId), titles.get(a.jobId))),
    nextCursor: result.nextCursor,
  };
}

export async function listApplications(ctx: EmployersContext, caller: Caller, query: ApplicationQuery) {
  return page(ctx, scoped(caller, { status: query.status, jobId: query.jobId }), query);
}

/** The applications to one job the caller can see (another employer's job is 404). */
export async function listJobApplications(ctx: EmployersContext, caller: Caller, jobId: string, query: ApplicationQuery) {
  await loadVisibleJob(ctx, caller, jobId);
  return page(ctx, scoped(caller, { status: query.status, jobId }), query);
}
