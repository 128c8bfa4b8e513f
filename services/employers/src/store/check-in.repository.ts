import { createAggregateStore, type AggregateStore } from '@hoanhap/events';
import type { CheckIn } from '../domain/check-in.types';
import { aggregateRepository } from './aggregate-repository';
import type { StoreDeps } from './store-deps';

/** Retention check-ins, one aggregate each; one per hire and milestone (unique index). */
export function checkInRepository(deps: StoreDeps) {
  const store = createAggregateStore<CheckIn>({ ...deps, collection: 'check_ins' });
  const base = aggregateRepository<CheckIn>(store);
  return {
    ...base,
    store: store as AggregateStore<object>,
    init: async () => {
      // one answer per hire and milestone: a second one is a conflict, not a correction
      await base.collection.createIndex({ applicationId: 1, monthsAfterHire: 1 }, { unique: true });
      await base.collection.createIndex({ employerOrgId: 1, monthsAfterHire: 1 });
    },
    /** Checked hires and those still employed, at one milestone, for one employer. */
    retention: async (employerOrgId: string, monthsAfterHire: number) => ({
      checked: await base.count({ employerOrgId, monthsAfterHire }),
      stillEmployed: await base.count({ employerOrgId, monthsAfterHire, stillEmployed: true }),
    }),
  };
}

export type CheckInRepository = ReturnType<typeof checkInRepository>;
