import { randomUUID } from 'node:crypto';

/**
 * The Redis commands this package needs; a node-redis v4 client satisfies it.
 * Kept structural so that services pass their own client.
 */
export interface LockRedis {
  set(key: string, value: string, options: { NX?: true; PX: number }): Promise<string | null>;
  eval(script: string, options: { keys: string[]; arguments: string[] }): Promise<unknown>;
  mGet(keys: string[]): Promise<(string | null)[]>;
}

// Deletes the key only if it still holds our token: a lock that expired and was
// taken by someone else must not be released by us.
const RELEASE = `if redis.call('get', KEYS[1]) == ARGV[1] then return redis.call('del', KEYS[1]) else return 0 end`;

export interface RedisLease {
  readonly key: string;
  readonly token: string;
  readonly acquiredAt: number;
}

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

/**
 * SET NX PX with a random token, retried with a little jitter for up to
 * `waitMs` (0 = one try). Resolves to the lease, or undefined when busy.
 */
export async function acquireRedisLock(redis: LockRedis, key: string, ttlMs: number, waitMs: number): Promise<RedisLease | undefined> {
  const token = randomUUID();
  const deadline = Date.now() + waitMs;
  for (;;) {
    const acquiredAt = Date.now();
    if ((await redis.set(key, token, { NX: true, PX: ttlMs })) === 'OK') return { key, token, acquiredAt };
    if (Date.now() >= deadline) return undefined;
    await sleep(2 + Math.random() * 8);
  }
}

/** Compare-and-delete release (Lua, atomic in Redis). */
export async function releaseRedisLock(redis: LockRedis, lease: RedisLease): Promise<void> {
  await redis.eval(RELEASE, { keys: [lease.key], arguments: [lease.token] });
}
