import jwt, { type Algorithm } from 'jsonwebtoken';
import { AppError, isAppError } from '@hoanhap/kit';
import { type AuthClaims, parseClaims } from './claims';
import type { KeySource } from './key-sources';

export interface VerifierOptions {
  /** Accepted `iss` value(s). */
  issuer: string | [string, ...string[]];
  /** Accepted `aud` value(s). */
  audience: string | [string, ...string[]];
  keys: KeySource;
  /** The algorithm allow-list (RFC 8725 §3.1); asymmetric only. Default `['RS256']`. */
  algorithms?: Algorithm[];
  /** Seconds of clock skew tolerated on `exp`/`nbf`. Default 5. */
  clockToleranceSec?: number;
}

/** Verifies an access token and returns its claims, or throws a 401 AppError. */
export type Verifier = (token: string) => Promise<AuthClaims>;

const invalid = (code: string, message: string) =>
  new AppError(code, 401, message, { headers: { 'WWW-Authenticate': `Bearer error="invalid_token", error_description="${message}"` } });

/**
 * An RS256 verifier: the header's `alg` must be on the allow-list (so `none`
 * and HS256-with-the-public-key never pass), its `kid` must name a known key,
 * and signature, `iss`, `aud` and `exp` (required) are all checked.
 */
export function createVerifier(options: VerifierOptions): Verifier {
  const algorithms = options.algorithms ?? ['RS256'];
  if (algorithms.some((alg) => !/^(RS|PS|ES)\d{3}$/.test(alg))) throw new Error('only asymmetric JWT algorithms may be allowed');
  return async (token) => {
    const decoded = jwt.decode(token, { complete: true });
    if (!decoded || typeof decoded.payload === 'string') throw invalid('AUTH.TOKEN_INVALID', 'malformed token');
    const { alg, kid } = decoded.header;
    if (!algorithms.includes(alg as Algorithm)) throw invalid('AUTH.TOKEN_INVALID', 'algorithm not allowed');
    if (typeof kid !== 'string' || kid.length === 0) throw invalid('AUTH.TOKEN_INVALID', 'token has no key id');
    const key = await options.keys(kid);
    try {
      const payload = jwt.verify(token, key, {
        algorithms,
        issuer: options.issuer,
        audience: options.audience,
        clockTolerance: options.clockToleranceSec ?? 5,
      });
      return parseClaims(payload);
    } catch (error) {
      if (isAppError(error)) throw error;
      if ((error as Error).name === 'TokenExpiredError') throw invalid('AUTH.TOKEN_EXPIRED', 'token expired');
      throw invalid('AUTH.TOKEN_INVALID', 'token rejected');
    }
  };
}
