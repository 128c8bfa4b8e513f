import { type AggregateStore, createAggregateStore } from '@hoanhap/events';
import { type CreatedAtPosition as PagePosition, findEachById } from '@hoanhap/kit';
import type { Job, JobFilter } from '../domain/job.types';
import { defined } from './aggregate-helpers';
import { aggregateRepository } from './aggregate-repository';
import type { StoreDeps } from './store-deps';

/** The stored status that shows as `status` at `now` (an open job past closesAt shows expired). */
function statusClause(status: JobFilter['status'], now: Date): Record<string, unknown> | undefined {
  const stillOpen = { $or: [{ closesAt: { $exists: false } }, { closesAt: { $gt: now } }] };
  if (status === 'open') return { $and: [{ status: 'open' }, stillOpen] };
  if (status === 'expired') return { $or: [{ status: 'expired' }, { status: 'open', closesAt: { $lte: now } }] };
  return status ? { status } : undefined;
}

function queryOf(filter: JobFilter, now: Date): Record<string, unknown> {
  const { employerOrgId, provinceCode, communeCode, occupationCode, employmentType } = filter;
  const clauses = [
    defined({ employerOrgId, provinceCode, communeCode, occupationCode, employmentType }),
    filter.wageMin !== undefined ? { wageMinVnd: { $gte: filter.wageMin } } : undefined,
    filter.verifiedOnly ? { verifiedEmployer: true } : undefined,
    filter.excludeStatuses?.length ? { status: { $nin: filter.excludeStatuses } } : undefined,
    statusClause(filter.status, now),
  ].filter((c): c is Record<string, unknown> => c !== undefined && Object.keys(c).length > 0);
  return clauses.length === 0 ? {} : clauses.length === 1 ? clauses[0]! : { $and: clauses };
}

/** Jobs, one aggregate document each, their events in the same write. */
export function jobRepository(deps: StoreDeps) {
  const store = createAggregateStore<Job>({ ...deps, collection: 'jobs' });
  const base = aggregateRepository<Job>(store);
  return {
    ...base,
    store: store as AggregateStore<object>,
    init: async () => {
      // the list order and its usual filters: an employer's own jobs, officers' province and status; the sweep
      await base.collection.createIndex({ createdAt: -1, _id: -1 });
      await base.collection.createIndex({ employerOrgId: 1, createdAt: -1 });
      await base.collection.createIndex({ provinceCode: 1, status: 1, createdAt: -1 });
      await base.collection.createIndex({ status: 1, closesAt: 1 });
    },
    list: (filter: JobFilter, now: Date, limit: number, after?: PagePosition) => base.page(queryOf(filter, now), limit, after),
    /** Open jobs whose closing date has passed, for the expiry sweep. */
    findPastClosing: (now: Date, limit: number) => base.find({ status: 'open', closesAt: { $lte: now } }, limit),
    findByEmployer: (employerOrgId: string) => base.find({ employerOrgId }),
    findByIds: (ids: string[]) => findEachById(ids, base.findById),
    /** Open jobs (not past closing) of one employer, for the dashboard. */
    findOpen: (employerOrgId: string, now: Date) => base.find(queryOf({ employerOrgId, status: 'open' }, now)),
  };
}

export type JobRepository = ReturnType<typeof jobRepository>;
