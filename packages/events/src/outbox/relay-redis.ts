import { randomUUID } from 'node:crypto';
import type { LockRedis } from './redis-lock';

// One script call per round instead of one command per aggregate: under load the
// per-command cost in the client, not Redis, is what slows a round down.
// (Single Redis node: on Redis Cluster these keys would need one hash tag.)
const LOCK_MANY = `
local held = {}
for i, key in ipairs(KEYS) do
  if redis.call('set', key, ARGV[1], 'NX', 'PX', ARGV[2]) then held[i] = 1 else held[i] = 0 end
end
return held`;

// Sent flags first, then the locks (only those still ours): whoever locks the
// aggregate next is sure to see the flags.
const FLAG_AND_UNLOCK = `
local flags = tonumber(ARGV[3])
for i = 1, flags do redis.call('set', KEYS[i], '1', 'PX', ARGV[2]) end
for i = flags + 1, #KEYS do
  if redis.call('get', KEYS[i]) == ARGV[1] then redis.call('del', KEYS[i]) end
end
return 1`;

export interface RelayRedis {
  /** Relay locks on these aggregates, without waiting; returns the token and the ids obtained. */
  lock(aggregateIds: string[]): Promise<{ token: string; held: string[] }>;
  /** Sets the sent flags of `sentEventIds`, then releases the locks held with `token`. */
  flagAndUnlock(token: string, lockedIds: string[], sentEventIds: string[]): Promise<void>;
  /** Of these event ids, those flagged as sent. */
  sentIds(eventIds: string[]): Promise<Set<string>>;
}

export function createRelayRedis(redis: LockRedis, keyPrefix: string, lockTtlMs: number, sentTtlMs: number): RelayRedis {
  const lockKey = (id: string) => `${keyPrefix}relay:${id}`;
  const sentKey = (eventId: string) => `${keyPrefix}sent:${eventId}`;
  return {
    async lock(aggregateIds) {
      const token = randomUUID();
      if (aggregateIds.length === 0) return { token, held: [] };
      const held = (await redis.eval(LOCK_MANY, { keys: aggregateIds.map(lockKey), arguments: [token, String(lockTtlMs)] })) as number[];
      return { token, held: aggregateIds.filter((_, i) => held[i] === 1) };
    },
    async flagAndUnlock(token, lockedIds, sentEventIds) {
      if (lockedIds.length + sentEventIds.length === 0) return;
      const keys = [...sentEventIds.map(sentKey), ...lockedIds.map(lockKey)];
      await redis.eval(FLAG_AND_UNLOCK, { keys, arguments: [token, String(sentTtlMs), String(sentEventIds.length)] });
    },
    async sentIds(eventIds) {
      if (eventIds.length === 0) return new Set();
      const flags = await redis.mGet(eventIds.map(sentKey));
      return new Set(eventIds.filter((_, i) => flags[i] !== null));
    },
  };
}
