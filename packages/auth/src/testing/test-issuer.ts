import { generateKeyPair, type KeyObject, randomUUID } from 'node:crypto';
import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import { promisify } from 'node:util';
import type { Role } from '../claims';
import type { AccessTokenInput } from '../signer';
import { signAccessToken } from '../signer';
import { type KeySource, staticKeys } from '../key-sources';

interface KeyPair {
  kid: string;
  privateKey: KeyObject;
  publicKey: KeyObject;
}

const newKeyPair = async (kid: string): Promise<KeyPair> => ({
  kid,
  ...(await promisify(generateKeyPair)('rsa', { modulusLength: 2048 })),
});
const base64url = (value: object) => Buffer.from(JSON.stringify(value)).toString('base64url');

/** A token issuer for tests: real RSA keys, real RS256 signatures, and the broken variants verifiers must refuse. */
export interface TestIssuer {
  issuer: string;
  audience: string;
  /** The kid new tokens are signed with. */
  currentKid: string;
  /** A valid token. */
  sign(claims: AccessTokenInput, options?: { expiresInSec?: number }): string;
  /** A valid token of a caller in `role` with an organisation of its own (`org-<role>`) in province 40: for role tables. */
  forRole(role: Role): string;
  /** Expired an hour ago. */
  expired(claims: AccessTokenInput): string;
  /** Signed by another private key under a published kid. */
  forged(claims: AccessTokenInput): string;
  /** Signed by a key whose kid nobody published. */
  wrongKid(claims: AccessTokenInput): string;
  /** A valid token whose payload was then changed (`changes` merged in), signature kept. */
  tampered(claims: AccessTokenInput, changes: Partial<AccessTokenInput>): string;
  /** Signs with other `iss`/`aud`. */
  signFor(claims: AccessTokenInput, where: { issuer?: string; audience?: string }): string;
  /** Adds a new key and signs with it from now on; old keys stay published. */
  rotate(): Promise<string>;
  /** Stops publishing a key. */
  retire(kid: string): void;
  /** The published keys as a JWKS document. */
  jwks(): { keys: object[] };
  /** The published keys as a static key source (read at each call, so rotation shows). */
  keySource(): KeySource;
  /** Serves the JWKS over HTTP on 127.0.0.1, a random port. */
  serveJwks(): Promise<{ url: string; close(): Promise<void> }>;
}

/** Builds a {@link TestIssuer} with one fresh RSA key. */
export async function createTestIssuer(options: { issuer?: string; audience?: string } = {}): Promise<TestIssuer> {
  const issuer = options.issuer ?? 'https://identity.hoanhap.test';
  const audience = options.audience ?? 'hoanhap-api';
  const published: KeyPair[] = [await newKeyPair(`k-${randomUUID().slice(0, 8)}`)];
  const outsider = await newKeyPair('k-outsider');
  const current = () => published[published.length - 1]!;
  const signWith = (
    key: KeyPair,
    claims: AccessTokenInput,
    extra: { expiresInSec?: number; issuedAt?: number; issuer?: string; audience?: string } = {},
  ) => signAccessToken(claims, key, { issuer: extra.issuer ?? issuer, audience: extra.audience ?? audience, ...extra });
  const jwks = () => ({ keys: published.map((k) => ({ ...k.publicKey.export({ format: 'jwk' }), kid: k.kid, alg: 'RS256', use: 'sig' })) });

  return {
    issuer,
    audience,
    get currentKid() {
      return current().kid;
    },
    sign: (claims, opts = {}) => signWith(current(), claims, opts),
    forRole: (role) => signWith(current(), { sub: `u-${role}`, role, orgId: `org-${role}`, provinceCode: '40' }),
    expired: (claims) => signWith(current(), claims, { issuedAt: Math.floor(Date.now() / 1000) - 3600, expiresInSec: 600 }),
    forged: (claims) => signWith({ ...outsider, kid: current().kid }, claims),
    wrongKid: (claims) => signWith(outsider, claims),
    tampered: (claims, changes) => {
      const [header, payload, signature] = signWith(current(), claims).split('.');
      const changed = { ...JSON.parse(Buffer.from(payload!, 'base64url').toString()), ...changes };
      return `${header}.${base64url(changed)}.${signature}`;
    },
    signFor: (claims, where) => signWith(current(), claims, where),
    rotate: async () => {
      published.push(await newKeyPair(`k-${randomUUID().slice(0, 8)}`));
      return current().kid;
    },
    retire: (kid) => {
      const index = published.findIndex((k) => k.kid === kid);
      if (index >= 0) published.splice(index, 1);
    },
    jwks,
    keySource: () => (kid) => staticKeys(Object.fromEntries(published.map((k) => [k.kid, k.publicKey])))(kid),
    serveJwks: async () => {
      const server = createServer((_req, res) => res.setHeader('content-type', 'application/json').end(JSON.stringify(jwks())));
      await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
      const { port } = server.address() as AddressInfo;
      return { url: `http://127.0.0.1:${port}/.well-known/jwks.json`, close: () => new Promise((r) => server.close(() => r())) };
    },
  };
}
