import { createHash, randomBytes } from 'node:crypto';
import type { RedisClient } from './redis-client';

export type ConsumeResult =
  | { outcome: 'rotated'; userId: string; familyId: string; remainingMs: number }
  | { outcome: 'reused'; userId: string; familyId: string }
  | { outcome: 'invalid' };

/**
 * Opaque refresh tokens in Redis, grouped in families (one per login).
 * - `rt:<sha256(token)>` hash {userId, familyId, usedAt?}: kept after use until it expires, so a second use is seen.
 * - `rf:<familyId>` → userId: the family is live while this key exists; deleting it revokes every token of the login.
 * - `ru:<userId>` set of familyIds: to revoke all of a user's sessions (password change, disable).
 * Only hashes are stored: a Redis dump does not hand out live tokens.
 */
export function refreshTokenRepository(redis: RedisClient, prefix: string) {
  const tokenKey = (token: string) => `${prefix}rt:${createHash('sha256').update(token).digest('base64url')}`;
  const familyKey = (familyId: string) => `${prefix}rf:${familyId}`;
  const userKey = (userId: string) => `${prefix}ru:${userId}`;

  async function store(userId: string, familyId: string, ttlMs: number, newFamily: boolean): Promise<string> {
    const token = `rt_${randomBytes(32).toString('base64url')}`;
    const multi = redis.multi().hSet(tokenKey(token), { userId, familyId }).pExpire(tokenKey(token), ttlMs);
    if (newFamily) {
      // the user's family set lives as long as its longest family: GT extends an existing TTL, NX sets a new key's
      multi.set(familyKey(familyId), userId, { PX: ttlMs }).sAdd(userKey(userId), familyId);
      multi.pExpire(userKey(userId), ttlMs, 'GT').pExpire(userKey(userId), ttlMs, 'NX');
    }
    await multi.exec();
    return token;
  }

  async function revokeFamily(familyId: string): Promise<void> {
    await redis.del(familyKey(familyId));
  }

  return {
    /** A new family (a login) whose tokens all die with it after `ttlMs`: sessions have an absolute lifetime. */
    startFamily: (userId: string, familyId: string, ttlMs: number) => store(userId, familyId, ttlMs, true),
    /** The next token of a family, living as long as the family has left. */
    next: (userId: string, familyId: string, remainingMs: number) => store(userId, familyId, remainingMs, false),

    /**
     * Marks a token used. HSETNX is atomic, so of two concurrent uses exactly
     * one rotates; the other — or any later one — is a reuse, and the family
     * is revoked: a stolen token and its victim's copy cannot both live.
     */
    async consume(token: string): Promise<ConsumeResult> {
      const key = tokenKey(token);
      const record = await redis.hGetAll(key);
      if (!record.userId || !record.familyId) return { outcome: 'invalid' };
      const { userId, familyId } = record;
      const first = await redis.hSetNX(key, 'usedAt', new Date().toISOString());
      if (!first) {
        await revokeFamily(familyId);
        return { outcome: 'reused', userId, familyId };
      }
      const remainingMs = await redis.pTTL(familyKey(familyId));
      return remainingMs > 0 ? { outcome: 'rotated', userId, familyId, remainingMs } : { outcome: 'invalid' };
    },

    /** The family a token belongs to, if it is still live (logout). */
    async familyOf(token: string): Promise<{ userId: string; familyId: string } | undefined> {
      const record = await redis.hGetAll(tokenKey(token));
      return record.userId && record.familyId ? { userId: record.userId, familyId: record.familyId } : undefined;
    },

    revokeFamily,

    async revokeAll(userId: string): Promise<void> {
      const families = await redis.sMembers(userKey(userId));
      await redis.del([userKey(userId), ...families.map(familyKey)]);
    },
  };
}

export type RefreshTokenRepository = ReturnType<typeof refreshTokenRepository>;
