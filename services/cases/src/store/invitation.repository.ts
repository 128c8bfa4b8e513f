import type { AggregateStore } from '@hoanhap/events';
import type { Invitation, InvitationStatus } from '../domain/invitation.types';
import type { OutgoingEvent } from '../domain/outgoing-event';
import { sortKeyOf } from '../domain/pagination';
import { sortKeyPage } from './sort-key-page';
import { asDuplicateKey, type Trace } from './store-errors';

export interface InvitationState extends Omit<Invitation, 'id'> {
  sortKey: string;
}

export interface InvitationFilter {
  provinceCode?: string;
  status?: InvitationStatus;
  returneeId?: string;
}

const HIDDEN = { _outbox: 0, _applied: 0 } as const;

function toInvitation(doc: Record<string, unknown>): Invitation {
  const { _id, sortKey: _s, _outbox, _applied, ...invitation } = doc;
  return { id: _id as string, ...(invitation as Omit<Invitation, 'id'>) };
}

const stateOf = ({ id, ...invitation }: Invitation): InvitationState =>
  JSON.parse(JSON.stringify({ ...invitation, sortKey: sortKeyOf(invitation.receivedAt, id) })) as InvitationState;

/** Employers' invitation requests, one aggregate document each (the decision and its event in one write). */
export function invitationRepository(store: AggregateStore<InvitationState>) {
  const collection = store.collection;
  return {
    init: async () => {
      await collection.createIndex({ provinceCode: 1, status: 1, sortKey: -1 });
      await collection.createIndex({ returneeId: 1, status: 1 });
    },
    /** Stores a request as received; an existing id (a redelivered request) fails with code 11000. */
    insert: async (i: Invitation, events: OutgoingEvent[], trace: Trace) => {
      await store.create(i.id, () => ({ next: stateOf(i), events }), trace).catch(asDuplicateKey);
    },
    /** Runs `fn` as the invitation's only writer; null from `fn` (or no such invitation) writes nothing. */
    change: async (
      id: string,
      trace: Trace,
      fn: (current: Invitation) => Promise<{ invitation: Invitation; events: OutgoingEvent[] } | null>,
    ): Promise<Invitation | null> => {
      let saved: Invitation | null = null;
      await store.change(
        id,
        async (current) => {
          const outcome = current ? await fn(toInvitation({ _id: id, ...current })) : null;
          if (!outcome) return { next: current as InvitationState };
          saved = outcome.invitation;
          return { next: stateOf(outcome.invitation), events: outcome.events };
        },
        trace,
      );
      return saved;
    },
    findById: async (id: string) => {
      const doc = await collection.findOne({ _id: id }, { projection: HIDDEN });
      return doc ? toInvitation(doc) : null;
    },
    page: async (filter: InvitationFilter, limit: number, after?: string) => {
      const query: Record<string, unknown> = {};
      if (filter.provinceCode) query.provinceCode = filter.provinceCode;
      if (filter.status) query.status = filter.status;
      if (filter.returneeId) query.returneeId = filter.returneeId;
      return sortKeyPage(collection, query, limit, after, HIDDEN, (doc) => ({
        sortKey: doc.sortKey as string,
        invitation: toInvitation(doc),
      }));
    },
    pendingOf: async (returneeId: string) =>
      (await collection.find({ returneeId, status: 'pending' }, { projection: HIDDEN }).toArray()).map(toInvitation),
    store,
  };
}

export type InvitationRepository = ReturnType<typeof invitationRepository>;
