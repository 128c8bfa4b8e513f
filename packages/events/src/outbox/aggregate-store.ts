import type { Connection, mongo } from 'mongoose';
import type { EventEnvelope } from '@hoanhap/contracts';
import { EventsError } from '../errors';
import { buildEnvelope, type EventTrace, type NewEvent } from '../publish/envelope-factory';
import { createAggregateLocks } from './aggregate-locks';
import { createOutboxLedger, type OutboxLedger, type OutboxMarker } from './outbox-ledger';
import type { LockRedis } from './redis-lock';
import { assertNoReservedFields, stateOf, type AggregateDocument } from './aggregate-document';

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
  /** Lifetime of a relay's lock on an aggregate while it publishes (default 60 s). */
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
  const ledger = createOutboxLedger(markers, redis, prefix, options.sentTtlMs ?? 3_600_000, options.relayLockTtlMs ?? 60_000);
  const locks = createAggregateLocks(redis, `${prefix}lock:`, options.lockTtlMs ?? 10_000);
  const listeners = new Set<(id: string, outbox: EventEnvelope[]) => void>();

  async function change(id: string, fn: (current: S | undefined) => Change<S> | Promise<Change<S>>, opts: ChangeOptions = {}): Promise<S> {
    const lease = await locks.acquire(id, lockWaitMs);
    if (!lease) throw new EventsError('EVENTS.AGGREGATE_BUSY', `aggregate ${name}/${id} stayed locked for ${lockWaitMs} ms`, undefined, true);
    let committed: EventEnvelope[] | undefined;
    try {
      const doc = await collection.findOne({ _id: id });
      const current = doc ? stateOf<S>(doc) : undefined;
      const applied = doc?._applied ?? [];
      if (opts.applyOnce && applied.includes(opts.applyOnce)) return current as S;
      const { next, events = [] } = await fn(current);
      if (next === current && events.length === 0 && !opts.applyOnce) return next;
      assertNoReservedFields(next);
      const trace = { correlationId: opts.correlationId ?? '', causationId: opts.causationId };
      const fresh = events.map((event) => buildEnvelope(event, id, trace));
      const outbox = [...(await ledger.stillPending(doc?._outbox ?? [])), ...fresh];
      const markedAt = Date.now();
      await ledger.addMarkers(id, fresh.map((e) => e.eventId));
      // Past either limit another instance may own the aggregate, or the relay may
      // already have judged our markers stale: write nothing (the markers are dropped later).
      if (!lease.stillHeld() || Date.now() - markedAt > staleMarkerMs / 2) {
        throw new EventsError('EVENTS.LOCK_EXPIRED', `change of ${name}/${id} took too long; nothing was written`, undefined, true);
      }
      const body = { ...next, _outbox: outbox, _applied: opts.applyOnce ? [...applied, opts.applyOnce].slice(-appliedWindow) : applied };
      if (doc) await collection.replaceOne({ _id: id }, body);
      else await collection.insertOne({ _id: id, ...body });
      if (fresh.length > 0) committed = outbox;
      return next;
    } finally {
      await lease.release();
      // after the release, so that the relay (same locks for other writers) never waits on us
      if (committed) for (const listener of listeners) listener(id, committed);
    }
  }

  return {
    name,
    change,
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
