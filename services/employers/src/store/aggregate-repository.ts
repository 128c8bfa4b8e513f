import type { IdempotencyRecord } from '@hoanhap/kit';
import type { AggregateStore } from '@hoanhap/events';
import type { Changed, Trace } from '../domain/outgoing-event';
import type { PagePosition } from '../domain/pagination';
import { collectionOf, compact, duplicateKeyError, HIDDEN_FIELDS, pageQuery, stateOf } from './aggregate-helpers';

type Stored<S> = S & { idempotency?: IdempotencyRecord };

function split<S>(stored: Stored<S>): { state: S; idempotency?: IdempotencyRecord } {
  const { idempotency, ...state } = stored;
  return { state: state as S, idempotency };
}

/**
 * The reads and writes every aggregate of this service shares. Writes go
 * through the store's `change`: one writer per aggregate (in-process queue +
 * Redis lock, since FerretDB updates are not atomic) and the events in the
 * same document write as the state. The `idempotency` record of a keyed
 * create rides along unseen by the domain.
 */
export function aggregateRepository<S extends { id: string }>(store: AggregateStore<Stored<S>>) {
  const collection = collectionOf(store as AggregateStore<object>);
  return {
    collection,
    /** Inserts a new aggregate; an existing id fails like a duplicate key (code 11000). */
    create: async (state: Stored<S>, events: Changed<S>['events'], trace: Trace): Promise<void> => {
      try {
        // an insert without a read first: on FerretDB 1.x a read by _id scans the collection
        await store.create(state.id, () => ({ next: compact(state), events }), trace);
      } catch (error) {
        // the _id or another unique index was taken: a duplicate key to createOnce and the callers
        if ((error as { code?: string }).code === 'EVENTS.AGGREGATE_EXISTS') throw duplicateKeyError(state.id);
        throw error;
      }
    },
    /**
     * Changes an existing aggregate with `mutate` (undefined = no change);
     * returns the state after it, or undefined when there is no such id.
     */
    update: async (
      id: string,
      mutate: (current: S) => Changed<S> | undefined | Promise<Changed<S> | undefined>,
      trace: Trace,
    ): Promise<S | undefined> => {
      let found = true;
      const after = await store.change(
        id,
        async (current) => {
          if (!current) {
            found = false;
            return { next: current as unknown as Stored<S> };
          }
          const { state, idempotency } = split(current);
          const changed = await mutate(state);
          if (!changed) return { next: current };
          return { next: compact({ ...changed.next, ...(idempotency ? { idempotency } : {}) }), events: changed.events };
        },
        trace,
      );
      return found && after ? split(after).state : undefined;
    },
    findById: async (id: string): Promise<S | undefined> => {
      const document = await collection.findOne({ _id: id } as never, { projection: HIDDEN_FIELDS });
      return document ? stateOf<S>(document) : undefined;
    },
    findIdempotency: async (id: string): Promise<IdempotencyRecord | undefined> => {
      const document = (await collection.findOne({ _id: id } as never, { projection: { idempotency: 1 } })) as {
        idempotency?: IdempotencyRecord;
      } | null;
      return document?.idempotency;
    },
    find: async (filter: Record<string, unknown>, limit = 0): Promise<S[]> =>
      (
        await collection
          .find(filter as never, { projection: HIDDEN_FIELDS })
          .limit(limit)
          .toArray()
      ).map((d) => stateOf<S>(d)),
    page: (filter: Record<string, unknown>, limit: number, after?: PagePosition) => pageQuery<S>(collection, filter, limit, after),
    count: (filter: Record<string, unknown>) => collection.countDocuments(filter as never),
  };
}
