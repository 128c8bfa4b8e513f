import { createAggregateStore } from '@hoanhap/events';
import type { CreatedAtPosition as PagePosition } from '@hoanhap/kit';
import type { Organisation, OrganisationFilter } from '../domain/organisation.types';
import { defined, isDuplicateKey } from './aggregate-helpers';
import { aggregateRepository } from './aggregate-repository';
import type { StoreDeps } from './store-deps';

/**
 * Employer profiles. They publish no event, but live in an aggregate store
 * all the same: its per-aggregate lock is what keeps the employer's edit and
 * an officer's verification from overwriting each other on FerretDB.
 */
export function organisationRepository(deps: StoreDeps) {
  const store = createAggregateStore<Organisation>({ ...deps, collection: 'organisations' });
  const base = aggregateRepository<Organisation>(store);
  const trace = { correlationId: 'employers.organisations' };
  return {
    ...base,
    init: async () => {
      await base.collection.createIndex({ createdAt: -1, _id: -1 });
      await base.collection.createIndex({ 'verification.status': 1, createdAt: -1 });
    },
    /** Creates or changes a profile as the only writer of it; `mutate` gets the current one (or undefined). */
    save: (id: string, mutate: (current: Organisation | undefined) => Organisation | Promise<Organisation>) =>
      store.change(id, async (current) => ({ next: await mutate(current) }), trace),
    /** Inserts unless it exists (seeds, the registration event); true when inserted. */
    insertIfAbsent: async (organisation: Organisation) => {
      try {
        await base.create(organisation, [], trace);
        return true;
      } catch (error) {
        if (isDuplicateKey(error)) return false;
        throw error;
      }
    },
    list: (filter: OrganisationFilter, limit: number, after?: PagePosition) =>
      base.page(defined({ provinceCode: filter.provinceCode, 'verification.status': filter.verification }), limit, after),
  };
}

export type OrganisationRepository = ReturnType<typeof organisationRepository>;
