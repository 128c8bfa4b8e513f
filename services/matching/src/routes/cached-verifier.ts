import type { KeyObject } from 'node:crypto';
import type { AuthClaims, KeySource, Verifier } from '@hoanhap/auth';

/**
 * Remembers tokens already verified, for at most `maxAgeMs` and never past their `exp`: a dashboard
 * sends the same short-lived token many times a minute, and an RS256 check per request would cost more
 * than the matching itself. Short, so that a retired key stops working within a minute.
 */
export function cachedVerifier(verify: Verifier, options: { maxEntries?: number; maxAgeMs?: number } = {}): Verifier {
  const maxEntries = options.maxEntries ?? 10_000;
  const maxAgeMs = options.maxAgeMs ?? 60_000;
  const cache = new Map<string, { claims: AuthClaims; until: number }>();
  return async (token: string) => {
    const now = Date.now();
    const hit = cache.get(token);
    if (hit && hit.until > now) return hit.claims;
    const claims = await verify(token);
    if (cache.size >= maxEntries) cache.delete(cache.keys().next().value!);
    cache.set(token, { claims, until: Math.min(now + maxAgeMs, claims.exp * 1000) });
    return claims;
  };
}

/**
 * Keeps the public key object of each kid: the JWKS source parses the PEM again on every call, which
 * costs more than the RS256 check itself for a token seen for the first time. An unseen kid (a rotation)
 * still goes to the source, which fetches the JWKS again.
 */
export function memoizedKeys(source: KeySource, maxAgeMs = 10 * 60_000): KeySource {
  const keys = new Map<string, { key: KeyObject; until: number }>();
  return async (kid) => {
    const hit = keys.get(kid);
    if (hit && hit.until > Date.now()) return hit.key;
    const key = await source(kid);
    keys.set(kid, { key, until: Date.now() + maxAgeMs });
    return key;
  };
}
