import { createAggregateStore, type AggregateStore } from '@hoanhap/events';
import type { Invitation } from '../domain/invitation.types';
import type { PagePosition } from '../domain/pagination';
import { defined } from './aggregate-helpers';
import { aggregateRepository } from './aggregate-repository';
import type { StoreDeps } from './store-deps';

/** Invitation requests, one aggregate each; at most one per job and returnee (unique index). */
export function invitationRepository(deps: StoreDeps) {
  const store = createAggregateStore<Invitation>({ ...deps, collection: 'invitations' });
  const base = aggregateRepository<Invitation>(store);
  return {
    ...base,
    store: store as AggregateStore<object>,
    init: async () => {
      // asking twice for the same person and job would only nag the officer
      await base.collection.createIndex({ jobId: 1, returneeId: 1 }, { unique: true });
      await base.collection.createIndex({ employerOrgId: 1, createdAt: -1 });
    },
    findFor: async (jobId: string, returneeId: string) => (await base.find({ jobId, returneeId }, 1))[0],
    list: (filter: { employerOrgId?: string; jobId?: string }, limit: number, after?: PagePosition) =>
      base.page(defined(filter), limit, after),
  };
}

export type InvitationRepository = ReturnType<typeof invitationRepository>;
