import type { KeyObject } from 'node:crypto';
import jwt from 'jsonwebtoken';
import type { Role } from './claims';

export interface SigningKey {
  kid: string;
  privateKey: KeyObject | string;
}

export interface AccessTokenInput {
  sub: string;
  role: Role;
  orgId?: string;
  provinceCode?: string;
}

export interface SignOptions {
  issuer: string;
  audience: string | string[];
  /** Lifetime; short by design (RFC 8725). Default 15 minutes. */
  expiresInSec?: number;
  /** Issue time in seconds (tests back-date tokens). Default now. */
  issuedAt?: number;
}

/** Signs an RS256 access token with a key id, for `identity` and the test issuer. */
export function signAccessToken(claims: AccessTokenInput, key: SigningKey, options: SignOptions): string {
  const iat = options.issuedAt ?? Math.floor(Date.now() / 1000);
  const payload = { ...claims, iat, exp: iat + (options.expiresInSec ?? 900) };
  return jwt.sign(payload, key.privateKey, {
    algorithm: 'RS256',
    keyid: key.kid,
    issuer: options.issuer,
    audience: options.audience,
  });
}
