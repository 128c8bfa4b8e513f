import type { AggregateStore } from '@hoanhap/events';
import { AppError, type CreatedAtPosition as PagePosition, type IdempotencyRecord, lockErrorAsBusy } from '@hoanhap/kit';
import type { Changed, Trace } from '../domain/outgoing-event';
import { collectionOf, compact, duplicateKeyError, HIDDEN_FIELDS, pageQuery, stateOf } from './aggregate-helpers';

/** The reply of a change made under an Idempotency-Key, kept in the aggregate's own document. */
export interface KeyedChange extends IdempotencyRecord {
  /** The key's id (kit's idempotentId of kind, caller and key). */
  id: string;
}

/** Bookkeeping a document carries beside the state, unseen by the domain and kept across every change. */
interface Hidden {
  idempotency?: IdempotencyRecord;
  keyedChanges?: KeyedChange[];
}

type Stored<S> = S & Hidden;

/** How many keyed replies an aggregate remembers (an application makes a handful of moves in its life). */
const KEYED_CHANGES_KEPT = 20;

function split<S>(stored: Stored<S>): { state: S; hidden: Hidden } {
  const { idempotency, keyedChanges, ...state } = stored;
  return { state: state as S, hidden: compact({ idempotency, keyedChanges }) };
}

/** What `updateOnce` asks of a change: the new state, its events, and the reply a retry must get again. */
export type ChangedWithReply<S, B> = Changed<S> & { reply: { status: number; body: B } };

export interface UpdateOnceResult<S, B> {
  state: S;
  status: number;
  body: B;
  /** True when the reply is the one an earlier attempt with the same key got (nothing was changed now). */
  replayed: boolean;
}

const keyReused = () => new AppError('IDEMPOTENCY.KEY_REUSED', 422, 'this Idempotency-Key was already used with a different request');

/**
 * The reads and writes every aggregate of this service shares. Writes go
 * through the store's `change`: one writer per aggregate (in-process queue +
 * Redis lock, since FerretDB updates are not atomic) and the events in the
 * same document write as the state. The `idempotency` record of a keyed
 * create and the replies of keyed changes ride along unseen by the domain.
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
        throw lockErrorAsBusy(error);
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
      const after = await store
        .change(
          id,
          async (current) => {
            if (!current) {
              found = false;
              return { next: current as unknown as Stored<S> };
            }
            const { state, hidden } = split(current);
            const changed = await mutate(state);
            if (!changed) return { next: current };
            return { next: compact({ ...changed.next, ...hidden }), events: changed.events };
          },
          trace,
        )
        .catch((error: unknown) => Promise.reject(lockErrorAsBusy(error)));
      return found && after ? split(after).state : undefined;
    },
    /**
     * Changes an existing aggregate at most once per keyed request (`once`: the key's id and the request's
     * fingerprint; undefined = an unkeyed change, every call applies). The reply rides in the SAME document
     * write as the change and its events, so a retry — after a lost answer, or after the process died between
     * its write and its reply — meets it under the aggregate's lock, changes nothing and gets the first reply;
     * the same key with another request is 422. Correct on FerretDB: no transaction, one writer per aggregate.
     * Returns undefined when there is no such id. `check` runs first on every attempt, replays included (who
     * may see the aggregate at all).
     */
    updateOnce: async <B>(
      id: string,
      once: { id: string; fingerprint: string } | undefined,
      check: (current: S) => void,
      mutate: (current: S) => Promise<ChangedWithReply<S, B>>,
      trace: Trace,
    ): Promise<UpdateOnceResult<S, B> | undefined> => {
      let found = true;
      let result: Omit<UpdateOnceResult<S, B>, 'state'> | undefined;
      const after = await store
        .change(
          id,
          async (current) => {
            if (!current) {
              found = false;
              return { next: current as unknown as Stored<S> };
            }
            const { state, hidden } = split(current);
            check(state);
            const earlier = once && hidden.keyedChanges?.find((c) => c.id === once.id);
            if (earlier) {
              if (earlier.fingerprint !== once.fingerprint) throw keyReused();
              result = { status: earlier.status, body: earlier.body as B, replayed: true };
              return { next: current };
            }
            const { next, events, reply } = await mutate(state);
            // as JSON would send it: no undefined members stored as null, no Date objects in the reply
            const body = JSON.parse(JSON.stringify(reply.body)) as B;
            result = { status: reply.status, body, replayed: false };
            const keyedChanges = once
              ? [...(hidden.keyedChanges ?? []), { id: once.id, fingerprint: once.fingerprint, status: reply.status, body }].slice(
                  -KEYED_CHANGES_KEPT,
                )
              : hidden.keyedChanges;
            return { next: compact({ ...next, ...hidden, keyedChanges }), events };
          },
          trace,
        )
        .catch((error: unknown) => Promise.reject(lockErrorAsBusy(error)));
      return found && after && result ? { state: split(after).state, ...result } : undefined;
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
