import { createOnce, type CreateOnceResult } from '@hoanhap/kit';
import { jobPosted } from '../events/job-events';
import { type Caller, orgOf } from './caller';
import type { EmployersContext } from './employers.context';
import { jobDto, type JobDto } from './job.dto';
import { jobIssues, parseClosesAt } from './job.rules';
import type { Job, JobFields, JobInput } from './job.types';
import { isStateAgencyJob, isVerified } from './organisation.rules';
import type { Trace } from './outgoing-event';
import { throwIfAny } from './reference.rules';

/** The stored fields of a job as received, with the optional flags defaulted. */
export function fieldsOf(input: Omit<JobInput, 'status'>): JobFields {
  return {
    ...input,
    niceToHaveSkills: input.niceToHaveSkills ?? [],
    shifts: input.shifts ?? [],
    accommodation: input.accommodation ?? false,
    meals: input.meals ?? false,
    trainingOnTheJob: input.trainingOnTheJob ?? false,
    closesAt: input.closesAt === undefined ? undefined : parseClosesAt(input.closesAt),
  };
}

/**
 * Posts a job for the caller's organisation, open unless sent as a draft, at
 * most once per Idempotency-Key; `employers.job.posted.v1` goes out with it.
 * A job can be posted before the employer profile exists: it then shows as
 * not verified until an officer verifies the organisation.
 */
export async function postJob(
  ctx: EmployersContext,
  caller: Caller,
  trace: Trace,
  key: string | undefined,
  input: JobInput,
): Promise<CreateOnceResult<JobDto>> {
  const orgId = orgOf(caller);
  const now = ctx.now();
  const { status, ...rest } = input;
  const fields = fieldsOf(rest);
  throwIfAny(jobIssues(fields, now));
  return createOnce({
    resource: 'job',
    scope: orgId,
    key,
    request: input,
    build: async (id) => {
      const organisation = await ctx.organisations.findById(orgId);
      const job: Job = {
        id,
        ...fields,
        employerOrgId: orgId,
        ...(organisation ? { employerName: organisation.name } : {}),
        verifiedEmployer: isVerified(organisation),
        stateAgency: isStateAgencyJob(fields.occupationCode, organisation?.sector),
        status: status ?? 'open',
        filled: 0,
        createdAt: now,
        updatedAt: now,
      };
      return { document: job, reply: { status: 201, body: jobDto(job, now) } };
    },
    insert: async (document) => {
      await ctx.openings.open(document.id);
      await ctx.jobs.create(document, [jobPosted(document, now)], trace);
    },
    findRecord: (id) => ctx.jobs.findIdempotency(id),
    cache: ctx.idempotencyCache,
    // building a job refuses nothing a first attempt created: a retry is found by the insert's duplicate _id
    checkFirst: false,
  });
}
