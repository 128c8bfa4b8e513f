import { EventsError } from '../errors';
import { KeyedMutex } from './keyed-mutex';
import { acquireRedisLock, releaseRedisLock, type LockRedis } from './redis-lock';

/** The right to write one aggregate, in this process and across instances. */
export interface Lease {
  /**
   * False once the Redis lock may have expired (with a safety margin): the
   * holder must not write any more, since another instance may own it now.
   */
  stillHeld(): boolean;
  release(): Promise<void>;
}

export interface AggregateLocks {
  /** Waits up to `waitMs` for the aggregate; undefined when it stays busy. */
  acquire(id: string, waitMs: number): Promise<Lease | undefined>;
  /**
   * Runs `work` holding the lease on `id` and releases it after, whatever `work` does. Throws
   * `EVENTS.AGGREGATE_BUSY` ("<what> stayed locked for <waitMs> ms") when the lease is not had within `waitMs`.
   */
  exclusive<T>(id: string, waitMs: number, work: (lease: Lease) => Promise<T>, what?: string): Promise<T>;
}

/**
 * Serialises every writer of an aggregate: first an in-process FIFO queue
 * per id, then a short Redis lock (SET NX PX + token) for other instances.
 * FerretDB updates are read-modify-write (ARCHITECTURE §7), so this is what
 * keeps two writes of one document from losing one another.
 */
export function createAggregateLocks(redis: LockRedis, keyPrefix: string, ttlMs: number): AggregateLocks {
  const local = new KeyedMutex();
  const margin = Math.min(2_000, Math.floor(ttlMs / 5));
  const locks: AggregateLocks = {
    async exclusive(id, waitMs, work, what = id) {
      const lease = await locks.acquire(id, waitMs);
      if (!lease) throw new EventsError('EVENTS.AGGREGATE_BUSY', `${what} stayed locked for ${waitMs} ms`, undefined, true);
      try {
        return await work(lease);
      } finally {
        await lease.release();
      }
    },
    async acquire(id, waitMs) {
      const started = Date.now();
      const releaseLocal = await local.acquire(id, waitMs);
      if (!releaseLocal) return undefined;
      let lease;
      try {
        lease = await acquireRedisLock(redis, `${keyPrefix}${id}`, ttlMs, Math.max(0, waitMs - (Date.now() - started)));
      } catch (error) {
        releaseLocal();
        throw error;
      }
      if (!lease) {
        releaseLocal();
        return undefined;
      }
      const held = lease;
      return {
        stillHeld: () => Date.now() - held.acquiredAt < ttlMs - margin,
        async release() {
          try {
            await releaseRedisLock(redis, held);
          } finally {
            releaseLocal();
          }
        },
      };
    },
  };
  return locks;
}
