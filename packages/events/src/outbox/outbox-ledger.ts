import type { mongo } from 'mongoose';
import type { EventEnvelope } from '@hoanhap/contracts';
import type { LockRedis } from './redis-lock';
import { createRelayRedis, type RelayRedis } from './relay-redis';

/**
 * One unpublished event: inserted BEFORE the aggregate write that embeds the
 * event, deleted only AFTER Kafka acknowledged it. Inserts are the cheap,
 * atomic operation on FerretDB and every query scans its collection, so this
 * small collection (as large as the backlog) is the durable index of pending
 * events: the relay finds them here instead of scanning the aggregates, and
 * never updates an aggregate.
 */
export interface OutboxMarker {
  _id: string; // eventId
  aggregateId: string;
  at: Date;
}

/** Bookkeeping shared by the aggregate store (writers) and the relay. */
export interface OutboxLedger {
  readonly markers: mongo.Collection<OutboxMarker>;
  /** Writes the markers of new events (before the aggregate write). */
  addMarkers(aggregateId: string, eventIds: string[]): Promise<void>;
  /** Of `entries`, those not published yet, in their order. */
  stillPending(entries: readonly EventEnvelope[]): Promise<EventEnvelope[]>;
  /** Of these event ids, those whose marker still exists. */
  openMarkers(eventIds: string[]): Promise<Set<string>>;
  /** Relay locks and sent flags in Redis (a fast path: Redis may forget, markers do not). */
  readonly relay: RelayRedis;
  deleteMarkers(eventIds: string[]): Promise<void>;
  /** The oldest markers (insertion order) written before `before`, except `skip`: the relay's fallback poll. */
  oldestMarkers(limit: number, skip: string[], before: Date): Promise<OutboxMarker[]>;
}

export function createOutboxLedger(
  markers: mongo.Collection<OutboxMarker>,
  redis: LockRedis,
  keyPrefix: string,
  sentTtlMs: number,
  relayLockTtlMs: number,
): OutboxLedger {
  const relay = createRelayRedis(redis, keyPrefix, relayLockTtlMs, sentTtlMs);

  // every FerretDB 1.x query scans the collection, so one $in over this small one
  async function openMarkers(eventIds: string[]): Promise<Set<string>> {
    if (eventIds.length === 0) return new Set();
    const found = await markers.find({ _id: { $in: eventIds } }, { projection: { _id: 1 } }).toArray();
    return new Set(found.map((m) => m._id));
  }

  return {
    markers,
    async addMarkers(aggregateId, eventIds) {
      if (eventIds.length === 0) return;
      const at = new Date();
      await markers.insertMany(
        eventIds.map((_id) => ({ _id, aggregateId, at })),
        { ordered: true },
      );
    },
    async stillPending(entries) {
      if (entries.length === 0) return [];
      const sent = await relay.sentIds(entries.map((e) => e.eventId));
      const unknown = entries.filter((e) => !sent.has(e.eventId)).map((e) => e.eventId);
      const open = await openMarkers(unknown);
      return entries.filter((e) => open.has(e.eventId));
    },
    openMarkers,
    relay,
    async deleteMarkers(eventIds) {
      if (eventIds.length > 0) await markers.deleteMany({ _id: { $in: eventIds } });
    },
    async oldestMarkers(limit, skip, before) {
      return markers
        .find(skip.length > 0 ? { at: { $lt: before }, _id: { $nin: skip } } : { at: { $lt: before } })
        .limit(limit)
        .toArray();
    },
  };
}
