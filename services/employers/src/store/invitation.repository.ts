import { createAggregateStore, type AggregateStore } from '@hoanhap/events';
import { type CreatedAtPosition as PagePosition, lookupKeys } from '@hoanhap/kit';
import type { Invitation } from '../domain/invitation.types';
import { defined } from './aggregate-helpers';
import { aggregateRepository } from './aggregate-repository';
import type { StoreDeps } from './store-deps';

/** The natural key of an invitation: its job and person, unambiguous whatever the ids hold. */
const pairOf = (invitation: Pick<Invitation, 'jobId' | 'returneeId'>) => JSON.stringify([invitation.jobId, invitation.returneeId]);

/** Invitation requests, one aggregate each; at most one per job and returnee (unique index). */
export function invitationRepository(deps: StoreDeps) {
  const store = createAggregateStore<Invitation>({ ...deps, collection: 'invitations' });
  const base = aggregateRepository<Invitation>(store);
  // (job, person) → invitation id in `invitation_pairs`, so that the check before each request reads by _id only
  const pairs = lookupKeys(deps.connection, 'invitation_pairs');
  const scanFor = async (jobId: string, returneeId: string) => (await base.find({ jobId, returneeId }, 1))[0];
  return {
    ...base,
    store: store as AggregateStore<object>,
    init: async () => {
      // asking twice for the same person and job would only nag the officer
      await base.collection.createIndex({ jobId: 1, returneeId: 1 }, { unique: true });
      await base.collection.createIndex({ employerOrgId: 1, createdAt: -1 });
      await pairs.backfill(async function* () {
        const stored = base.collection.find<Invitation & { _id: string }>({}, { projection: { jobId: 1, returneeId: 1 } });
        for await (const invitation of stored) yield { key: pairOf(invitation), holderId: invitation._id };
      });
    },
    /** One insert with its events, the pair's key claimed first; the unique index still refuses a second request. */
    create: async (invitation: Invitation, events: Parameters<typeof base.create>[1], trace: Parameters<typeof base.create>[2]) => {
      await pairs.claim(pairOf(invitation), invitation.id);
      await base.create(invitation, events, trace);
      await pairs.confirm(pairOf(invitation), invitation.id);
    },
    /** The request for this job and person, if any: by the pair's key, then by `_id` (no key, no request). */
    findFor: (jobId: string, returneeId: string) =>
      pairs.findHolder(pairOf({ jobId, returneeId }), {
        readById: base.findById,
        holds: (found) => found.jobId === jobId && found.returneeId === returneeId,
        scan: () => scanFor(jobId, returneeId),
        idOf: (found) => found.id,
      }),
    /** The request for this job and person by the query itself, the pair's key mended: after the unique index refused one. */
    findForByScan: (jobId: string, returneeId: string) =>
      pairs.scanHolder(pairOf({ jobId, returneeId }), () => scanFor(jobId, returneeId), (found) => found.id),
    list: (filter: { employerOrgId?: string; jobId?: string }, limit: number, after?: PagePosition) =>
      base.page(defined(filter), limit, after),
  };
}

export type InvitationRepository = ReturnType<typeof invitationRepository>;
