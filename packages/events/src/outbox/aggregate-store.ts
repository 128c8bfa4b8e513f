import type { Connection, mongo } from 'mongoose';
import type { EventEnvelope } from '@hoanhap/contracts';
import { isDuplicateKey } from '../consume/processed-events';
import { EventsError } from '../errors';
import type { EventTrace, NewEvent } from '../publish/envelope-factory';
import { createAggregateLocks, type Lease } from './aggregate-locks';
import { writeAggregate } from './aggregate-write';
import { createOutboxLedger, type OutboxLedger, type OutboxMarker } from './outbox-ledger';
import type { LockRedis } from './redis-lock';
import { stateOf, type AggregateDocument } from './aggregate-document';

/** What a change function returns: the whole new state and the events it causes. */
export interface Change<S> {
  next: S;
  events?: NewEvent[];
}

export interface ChangeOptions extends Partial<EventTrace> {
  /**
   * Apply this change at most once per id (a consumer passes the eventId it
   * handles): the id is recorded in the same document write as the change.
   */
  applyOnce?: string;
}

export interface AggregateStoreOptions {
  /** A mongoose connection to the service's database. */
  connection: Connection;
  /** Collection of the aggregates; the markers go to `<collection>_outbox`. */
  collection: string;
  redis: LockRedis;
  /** Prepended to every Redis key (service name, test namespace). */
  redisPrefix?: string;
  /** Lifetime of the Redis lock; a change must finish well within it (default 10 s). */
  lockTtlMs?: number;
  /** How long `change` waits for a busy aggregate before `EVENTS.AGGREGATE_BUSY` (default 5 s). */
  lockWaitMs?: number;
  /** How many applied event ids a document remembers for `applyOnce` (default 200). */
  appliedWindow?: number;
  /** Lifetime of a relay's lock on an aggregate during a round; a crashed relay's aggregates wait this long (default 15 s). */
  relayLockTtlMs?: number;
  /** How long Redis remembers that an event was published (default 1 h). */
  sentTtlMs?: number;
  /** A marker older than this whose event is in no aggregate is a dead writer's and is dropped (default 60 s). */
  staleMarkerMs?: number;
}

/** Aggregates stored one document each, with their pending events embedded. */
export interface AggregateStore<S extends object> {
  readonly name: string;
  /**
   * Runs `fn` on the current state (undefined when new) as the only writer of
   * this aggregate, then stores the new state and its events in ONE document
   * write. Returns the new state. Throws `EVENTS.AGGREGATE_BUSY` when the
   * aggregate stays locked, `EVENTS.INVALID_PAYLOAD` for an invalid event, or
   * whatever `fn` throws (nothing is written then).
   */
  change(id: string, fn: (current: S | undefined) => Change<S> | Promise<Change<S>>, options?: ChangeOptions): Promise<S>;
  /**
   * Creates a new aggregate without reading first (on FerretDB 1.x every read
   * by _id scans the collection; an insert does not). Throws
   * `EVENTS.AGGREGATE_EXISTS` when the id is taken; nothing is written then.
   */
  create(id: string, fn: () => Change<S> | Promise<Change<S>>, options?: ChangeOptions): Promise<S>;
  get(id: string): Promise<S | undefined>;
  /** The raw collection, for queries. Never write to it directly: writes go through `change`. */
  readonly collection: mongo.Collection<AggregateDocument>;
  /** Used by the relay: the ledger, the stale-marker age, and the commit signal. */
  readonly outbox: {
    readonly ledger: OutboxLedger;
    readonly staleMarkerMs: number;
    onCommit(listener: (id: string, outbox: EventEnvelope[]) => void): () => void;
  };
}

/** Creates the store of one aggregate collection. */
export function createAggregateStore<S extends object>(options: AggregateStoreOptions): AggregateStore<S> {
  const { connection, collection: name, redis } = options;
  const prefix = `${options.redisPrefix ?? ''}outbox:${name}:`;
  const lockWaitMs = options.lockWaitMs ?? 5_000;
  const appliedWindow = options.appliedWindow ?? 200;
  const staleMarkerMs = options.staleMarkerMs ?? 60_000;
  const collection = connection.collection<AggregateDocument>(name);
  const markers = connection.collection<OutboxMarker>(`${name}_outbox`);
  const ledger = createOutboxLedger(markers, redis, prefix, options.sentTtlMs ?? 3_600_000, options.relayLockTtlMs ?? 15_000);
  const locks = createAggregateLocks(redis, `${prefix}lock:`, options.lockTtlMs ?? 10_000);
  const listeners = new Set<(id: string, outbox: EventEnvelope[]) => void>();

  /** Runs `work` as the only writer of the aggregate, then wakes the relay if events were committed. */
  async function exclusive(id: string, work: (lease: Lease) => Promise<{ state: S; committed?: EventEnvelope[] }>): Promise<S> {
    const { state, committed } = await locks.exclusive(id, lockWaitMs, work, `aggregate ${name}/${id}`);
    // after the release, so that the relay never finds the aggregate still locked by us
    if (committed) for (const listener of listeners) listener(id, committed);
    return state;
  }

  const write = (id: string, lease: Lease, doc: AggregateDocument | null, next: S, events: NewEvent[], opts: ChangeOptions) =>
    writeAggregate({ collection, ledger, staleMarkerMs, appliedWindow }, { id, lease, doc, next, events, options: opts });

  const change: AggregateStore<S>['change'] = (id, fn, opts = {}) =>
    exclusive(id, async (lease) => {
      const doc = await collection.findOne({ _id: id });
      const current = doc ? stateOf<S>(doc) : undefined;
      if (opts.applyOnce && doc?._applied?.includes(opts.applyOnce)) return { state: current as S };
      const { next, events = [] } = await fn(current);
      if (next === current && events.length === 0 && !opts.applyOnce) return { state: next };
      return { state: next, committed: await write(id, lease, doc, next, events, opts) };
    });

  const create: AggregateStore<S>['create'] = (id, fn, opts = {}) =>
    exclusive(id, async (lease) => {
      const { next, events = [] } = await fn();
      try {
        return { state: next, committed: await write(id, lease, null, next, events, opts) };
      } catch (error) {
        if (!isDuplicateKey(error)) throw error;
        throw new EventsError('EVENTS.AGGREGATE_EXISTS', `aggregate ${name}/${id} already exists`);
      }
    });

  return {
    name,
    change,
    create,
    async get(id) {
      const doc = await collection.findOne({ _id: id });
      return doc ? stateOf<S>(doc) : undefined;
    },
    collection,
    outbox: {
      ledger,
      staleMarkerMs,
      onCommit(listener) {
        listeners.add(listener);
        return () => listeners.delete(listener);
      },
    },
  };
}
