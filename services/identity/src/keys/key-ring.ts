import { createHash, type KeyObject } from 'node:crypto';

export interface SigningKey {
  kid: string;
  privateKey: KeyObject;
  publicKey: KeyObject;
}

export interface PublishedKey {
  kid: string;
  publicKey: KeyObject;
}

/**
 * The key identity signs with, and the keys it still publishes: the current
 * one and, during a rotation, the previous one, so tokens signed before the
 * switch verify until they expire.
 */
export interface KeyRing {
  signing: SigningKey;
  previous: PublishedKey[];
}

/** RFC 7638 JWK thumbprint: a kid derived from the key itself, stable across restarts and machines. */
export function thumbprintKid(publicKey: KeyObject): string {
  const { e, kty, n } = publicKey.export({ format: 'jwk' });
  return createHash('sha256').update(JSON.stringify({ e, kty, n })).digest('base64url');
}

/** The JWKS document (RFC 7517) served at /auth/jwks.json. */
export function jwksOf(ring: KeyRing): { keys: Array<Record<string, unknown>> } {
  const published = [ring.signing, ...ring.previous.filter((k) => k.kid !== ring.signing.kid)];
  return {
    keys: published.map(({ kid, publicKey }) => {
      const { kty, n, e } = publicKey.export({ format: 'jwk' });
      return { kty, n, e, kid, alg: 'RS256', use: 'sig' };
    }),
  };
}

/** The published public keys by kid, for identity's own token checks. */
export function publicKeysOf(ring: KeyRing): Record<string, KeyObject> {
  return Object.fromEntries([...ring.previous, ring.signing].map((k) => [k.kid, k.publicKey]));
}
