import { type AggregateStore, createAggregateStore } from '@hoanhap/events';
import { countByValue, type CreatedAtPosition as PagePosition } from '@hoanhap/kit';
import { APPLICATION_STATUSES, type Application, type ApplicationFilter } from '../domain/application.types';
import { defined } from './aggregate-helpers';
import { aggregateRepository } from './aggregate-repository';
import type { StoreDeps } from './store-deps';

function queryOf(filter: ApplicationFilter): Record<string, unknown> {
  const base = defined({ jobId: filter.jobId, employerOrgId: filter.employerOrgId, status: filter.status });
  const scope = filter.officerScope;
  if (!scope) return base;
  const mine = [
    scope.orgId ? { officerOrgId: scope.orgId } : undefined,
    scope.provinceCode ? { provinceCode: scope.provinceCode } : undefined,
  ].filter((c) => c !== undefined);
  // an officer with neither an organisation nor a province sees nothing
  return { ...base, $or: mine.length > 0 ? mine : [{ _id: { $exists: false } }] };
}

/** Applications, one aggregate document each (id derived from the referral), their events in the same write. */
export function applicationRepository(deps: StoreDeps) {
  const store = createAggregateStore<Application>({ ...deps, collection: 'applications' });
  const base = aggregateRepository<Application>(store);
  return {
    ...base,
    store: store as AggregateStore<object>,
    init: async () => {
      await base.collection.createIndex({ referralId: 1 }, { unique: true });
      await base.collection.createIndex({ createdAt: -1, _id: -1 });
      await base.collection.createIndex({ jobId: 1, createdAt: -1 });
      await base.collection.createIndex({ employerOrgId: 1, status: 1 });
    },
    list: (filter: ApplicationFilter, limit: number, after?: PagePosition) => base.page(queryOf(filter), limit, after),
    /**
     * The employer's applications per status, in one read of the status field: a count per status decoded the
     * whole collection once each on FerretDB 1.x.
     */
    countByStatus: (employerOrgId: string) =>
      countByValue(base.collection.find({ employerOrgId }, { projection: { _id: 0, status: 1 } }), 'status', APPLICATION_STATUSES),
  };
}

export type ApplicationRepository = ReturnType<typeof applicationRepository>;
