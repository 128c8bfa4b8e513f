import { createPublicKey, type JsonWebKey, type KeyObject } from 'node:crypto';
import { JwksClient } from 'jwks-rsa';
import { AppError } from '@hoanhap/kit';

/** Finds the public key for a token's `kid`; throws an AppError when there is none. */
export type KeySource = (kid: string) => Promise<KeyObject>;

const unknownKid = (kid: string) =>
  new AppError('AUTH.KEY_UNKNOWN', 401, `no signing key with kid "${kid}"`, {
    headers: { 'WWW-Authenticate': 'Bearer error="invalid_token", error_description="unknown key id"' },
  });

/**
 * A fixed key set by kid (PEM strings, JWKs or KeyObjects), e.g. from
 * configuration. Rotation: publish the new key beside the old one, sign with
 * the new one, drop the old one after the longest token lifetime.
 */
export function staticKeys(keys: Record<string, string | JsonWebKey | KeyObject>): KeySource {
  const byKid = new Map(
    Object.entries(keys).map(([kid, key]) => [
      kid,
      typeof key === 'string' ? createPublicKey(key) : 'kty' in key ? createPublicKey({ key, format: 'jwk' }) : (key as KeyObject),
    ]),
  );
  return async (kid) => {
    const key = byKid.get(kid);
    if (!key) throw unknownKid(kid);
    return key;
  };
}

/**
 * Keys from a JWKS URL (identity's `/.well-known/jwks.json`), cached, and
 * fetched again — at most `requestsPerMinute` times — when a token names a kid
 * not seen yet, which is how a rotation reaches every verifier.
 */
export function jwksKeys(jwksUri: string, options: { cacheMaxAgeMs?: number; requestsPerMinute?: number; timeoutMs?: number } = {}): KeySource {
  const client = new JwksClient({
    jwksUri,
    cache: true,
    cacheMaxAge: options.cacheMaxAgeMs ?? 10 * 60_000,
    rateLimit: true,
    jwksRequestsPerMinute: options.requestsPerMinute ?? 10,
    timeout: options.timeoutMs ?? 5_000,
  });
  // parsing the PEM costs more than the RS256 check itself: each key is parsed once (by its PEM, so a
  // rotated key under an old kid is parsed again)
  const parsed = new Map<string, KeyObject>();
  return async (kid) => {
    try {
      const pem = (await client.getSigningKey(kid)).getPublicKey();
      let key = parsed.get(pem);
      if (!key) {
        key = createPublicKey(pem);
        if (parsed.size >= 100) parsed.clear();
        parsed.set(pem, key);
      }
      return key;
    } catch (error) {
      if ((error as Error).name === 'SigningKeyNotFoundError') throw unknownKid(kid);
      // the key server is down or slow: not the caller's fault, worth a retry
      throw new AppError('AUTH.KEYS_UNAVAILABLE', 503, 'signing keys cannot be fetched right now', { cause: error, headers: { 'Retry-After': '5' } });
    }
  };
}
