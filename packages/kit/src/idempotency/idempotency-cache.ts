import type { IdempotencyRecord } from './idempotency-record';

/** A fast path in front of the database; losing it loses nothing. */
export interface IdempotencyCache {
  get(id: string): Promise<IdempotencyRecord | undefined>;
  set(id: string, record: IdempotencyRecord): Promise<void>;
}

interface RedisLike {
  get(key: string): Promise<string | null>;
  set(key: string, value: string, options: { EX: number }): Promise<unknown>;
}

/**
 * Replies cached in Redis under `<prefix>idem:<id>` for `ttlSeconds` (a day
 * by default). Redis errors are swallowed: the database stays the truth.
 */
export function redisIdempotencyCache(client: RedisLike, options: { prefix?: string; ttlSeconds?: number } = {}): IdempotencyCache {
  const keyOf = (id: string) => `${options.prefix ?? ''}idem:${id}`;
  return {
    async get(id) {
      try {
        const raw = await client.get(keyOf(id));
        return raw ? (JSON.parse(raw) as IdempotencyRecord) : undefined;
      } catch {
        return undefined;
      }
    },
    async set(id, record) {
      try {
        await client.set(keyOf(id), JSON.stringify(record), { EX: options.ttlSeconds ?? 86_400 });
      } catch {
        // a cache that cannot be written is only slower
      }
    },
  };
}
