import { createHash } from 'node:crypto';
import type { RedisClient } from './redis-client';

/**
 * Failed logins per account, in Redis (atomic INCR, keys that expire by
 * themselves). Keyed by a hash of the normalised email, so unknown emails are
 * counted too and lockout does not tell which accounts exist.
 */
export function loginAttemptRepository(redis: RedisClient, prefix: string) {
  const id = (email: string) => createHash('sha256').update(email).digest('base64url').slice(0, 32);
  const failuresKey = (email: string) => `${prefix}lf:${id(email)}`;
  const lockKey = (email: string) => `${prefix}ll:${id(email)}`;

  return {
    /** When the account's lock ends, if it is locked now. */
    async lockedUntil(email: string): Promise<Date | undefined> {
      const ms = await redis.pTTL(lockKey(email));
      return ms > 0 ? new Date(Date.now() + ms) : undefined;
    },

    /**
     * Counts a failure within a `windowMs` window; the `max`-th locks the
     * account for `windowMs` and starts the count over, so after the lock the
     * user has `max` tries again.
     */
    async recordFailure(email: string, max: number, windowMs: number): Promise<Date | undefined> {
      const [count] = (await redis.multi().incr(failuresKey(email)).pExpire(failuresKey(email), windowMs, 'NX').exec()) as [number, unknown];
      if (count < max) return undefined;
      await redis.multi().set(lockKey(email), '1', { PX: windowMs, NX: true }).del(failuresKey(email)).exec();
      return this.lockedUntil(email);
    },

    async clear(email: string): Promise<void> {
      await redis.del(failuresKey(email));
    },
  };
}

export type LoginAttemptRepository = ReturnType<typeof loginAttemptRepository>;
