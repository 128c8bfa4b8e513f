import type { AuthClaims } from './claims';
import { jwksKeys, type KeySource } from './key-sources';
import { createVerifier, type Verifier } from './verifier';

/**
 * Remembers the public key per kid. jwksKeys() parses the key's PEM again on
 * every call, which cost the gateway more CPU than anything else it does per
 * request; a key does not change under its kid.
 */
export function memoizedKeys(source: KeySource, ttlMs = 10 * 60_000): KeySource {
  const keys = new Map<string, { key: Awaited<ReturnType<KeySource>>; until: number }>();
  return async (kid) => {
    const hit = keys.get(kid);
    if (hit && hit.until > Date.now()) return hit.key;
    const key = await source(kid); // unknown kids are not remembered: the source refetches the JWKS
    keys.set(kid, { key, until: Date.now() + ttlMs });
    return key;
  };
}

/**
 * Remembers tokens already verified, until they expire but at most
 * `maxAgeMs`, so a client's every request does not pay an RSA verification.
 * Safe because a token that verified once verifies again until its `exp`;
 * the short bound keeps a retired signing key from being honoured for long.
 * Failures are not remembered.
 */
export function cachingVerifier(verify: Verifier, options: { maxEntries?: number; maxAgeMs?: number } = {}): Verifier {
  const maxEntries = options.maxEntries ?? 10_000;
  const maxAgeMs = options.maxAgeMs ?? 60_000;
  const verified = new Map<string, { claims: AuthClaims; until: number }>();
  return async (token) => {
    const now = Date.now();
    const hit = verified.get(token);
    if (hit && hit.until > now) return hit.claims;
    const claims = await verify(token);
    if (verified.size >= maxEntries) verified.delete(verified.keys().next().value!); // oldest first
    verified.set(token, { claims, until: Math.min(claims.exp * 1000, now + maxAgeMs) });
    return claims;
  };
}

/**
 * The verifier of the gateway and of every service behind it: RS256 against identity's JWKS (refetched for an
 * unknown kid), keys and results cached. A service verifies each token again (never trusting the gateway's
 * word), and without the cache that check was the largest share of a POST's CPU after the database driver.
 */
export function jwksVerifier(options: { jwksUrl: string; issuer: string; audience: string }): Verifier {
  return cachedJwksVerifier(jwksKeys(options.jwksUrl), options);
}

/** The same over any key source (tests and the benchmark's issuer). */
export function cachedJwksVerifier(keys: KeySource, options: { issuer: string; audience: string }): Verifier {
  return cachingVerifier(createVerifier({ issuer: options.issuer, audience: options.audience, keys: memoizedKeys(keys) }));
}
