import type { AuthClaims, Verifier } from '@hoanhap/auth';

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
