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
    /**
     * Checked hires and those still employed, per milestone (months after hire), for one employer, in one read
     * of the two fields: two counts per milestone decoded the whole collection each on FerretDB 1.x.
     */
    retention: async (employerOrgId: string) => {
      const byMonth = new Map<number, { checked: number; stillEmployed: number }>();
      const checkIns = base.collection.find({ employerOrgId }, { projection: { _id: 0, monthsAfterHire: 1, stillEmployed: 1 } });
      for await (const c of checkIns as AsyncIterable<Pick<CheckIn, 'monthsAfterHire' | 'stillEmployed'>>) {
        const month = byMonth.get(c.monthsAfterHire) ?? { checked: 0, stillEmployed: 0 };
        byMonth.set(c.monthsAfterHire, {
          checked: month.checked + 1,
          stillEmployed: month.stillEmployed + (c.stillEmployed === true ? 1 : 0),
        });
      }
      return (monthsAfterHire: number) => byMonth.get(monthsAfterHire) ?? { checked: 0, stillEmployed: 0 };
    },
  };
}

export type CheckInRepository = ReturnType<typeof checkInRepository>;
