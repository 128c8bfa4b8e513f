import type { mongo } from 'mongoose';
import type { EventEnvelope } from '@hoanhap/contracts';
import { acquireRedisLock, releaseRedisLock, type LockRedis, type RedisLease } from './redis-lock';

/**
 * One unpublished event: inserted BEFORE the aggregate write that embeds the
 * event, deleted only AFTER Kafka acknowledged it. Inserts and deletes of
 * small documents are the cheap, safe operations on FerretDB, so this
 * collection is the durable index of pending events; it stays as small as
 * the backlog, and the relay never has to scan (or update) the aggregates.
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
  /** Ids already published according to Redis (fast path; Redis may forget, markers do not). */
  sentIds(eventIds: string[]): Promise<Set<string>>;
  /** Records publication in Redis; done before markers are deleted, before the relay lock is released. */
  markSent(eventIds: string[]): Promise<void>;
  deleteMarkers(eventIds: string[]): Promise<void>;
  /** The oldest markers (insertion order) written before `before`, except `skip`: the relay's fallback poll. */
  oldestMarkers(limit: number, skip: string[], before: Date): Promise<OutboxMarker[]>;
  /** One relay at a time per aggregate (keeps order, avoids double sends); no wait. */
  tryRelayLock(aggregateId: string): Promise<RedisLease | undefined>;
  releaseRelayLock(lease: RedisLease): Promise<void>;
}

export function createOutboxLedger(
  markers: mongo.Collection<OutboxMarker>,
  redis: LockRedis,
  keyPrefix: string,
  sentTtlMs: number,
  relayLockTtlMs: number,
): OutboxLedger {
  const sentKey = (eventId: string) => `${keyPrefix}sent:${eventId}`;

  // one point read per id: _id lookups are O(1) on FerretDB, whereas any
  // other filter ($in included) scans the whole collection
  async function openMarkers(eventIds: string[]): Promise<Set<string>> {
    const found = await Promise.all(eventIds.map((_id) => markers.findOne({ _id }, { projection: { _id: 1 } })));
    return new Set(found.filter((m): m is OutboxMarker => m !== null).map((m) => m._id));
  }

  async function sentIds(eventIds: string[]): Promise<Set<string>> {
    if (eventIds.length === 0) return new Set();
    const flags = await redis.mGet(eventIds.map(sentKey));
    return new Set(eventIds.filter((_, i) => flags[i] !== null));
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
      const sent = await sentIds(entries.map((e) => e.eventId));
      const unknown = entries.filter((e) => !sent.has(e.eventId)).map((e) => e.eventId);
      const open = await openMarkers(unknown);
      return entries.filter((e) => open.has(e.eventId));
    },
    openMarkers,
    sentIds,
    async markSent(eventIds) {
      // node-redis pipelines the commands issued in one tick
      await Promise.all(eventIds.map((id) => redis.set(sentKey(id), '1', { PX: sentTtlMs })));
    },
    async deleteMarkers(eventIds) {
      if (eventIds.length > 0) await markers.deleteMany({ _id: { $in: eventIds } });
    },
    async oldestMarkers(limit, skip, before) {
      return markers
        .find(skip.length > 0 ? { at: { $lt: before }, _id: { $nin: skip } } : { at: { $lt: before } })
        .limit(limit)
        .toArray();
    },
    tryRelayLock: (aggregateId) => acquireRedisLock(redis, `${keyPrefix}relay:${aggregateId}`, relayLockTtlMs, 0),
    releaseRelayLock: (lease) => releaseRedisLock(redis, lease),
  };
}
