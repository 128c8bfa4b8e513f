import type { Request } from 'express';
import { type Verifier } from '@hoanhap/auth';
import { AppError } from '@hoanhap/kit';
import { allows } from '../openapi/x-roles';
import type { RateLimiter } from '../rate-limit/redis-rate-limiter';
import type { GatewayOperation } from '../openapi/merge-openapi';

const BEARER = /^Bearer ([A-Za-z0-9_.~+/=-]+)$/;

const missingToken = () =>
  new AppError('AUTH.TOKEN_MISSING', 401, 'a bearer token is required', { headers: { 'WWW-Authenticate': 'Bearer realm="hoanhap"' } });

async function verifyBearer(req: Request, verify: Verifier) {
  const token = BEARER.exec(req.headers.authorization ?? '')?.[1];
  if (!token) throw missingToken();
  return verify(token);
}

/**
 * The checks before anything reaches a service, in this order: verify the
 * token (when the operation is not public), count the request against the
 * IP's and the user's limits (one Redis round trip; a request with a bad
 * token still counts for its IP, so guessing costs quota), then refuse a bad
 * token (401) or a role the operation's x-roles does not list (403).
 */
export async function checkAccess(verify: Verifier, limiter: RateLimiter, operation: GatewayOperation, req: Request): Promise<void> {
  let authError: unknown;
  if (operation.access !== 'public') {
    try {
      req.auth = await verifyBearer(req, verify);
    } catch (error) {
      authError = error;
    }
  }
  const decision = await limiter.hit(req.ip ?? 'unknown', req.auth?.sub);
  if (!decision.allowed) {
    throw new AppError('RATE_LIMIT.EXCEEDED', 429, `more than ${decision.limit} requests per window for this ${decision.scope}`, {
      headers: { 'Retry-After': String(decision.retryAfterSec) },
      extensions: { scope: decision.scope },
    });
  }
  if (authError) throw authError;
  if (!allows(operation.access, req.auth?.role)) {
    throw new AppError('AUTH.FORBIDDEN_ROLE', 403, `${operation.operationId} is not open to the role ${req.auth?.role}`);
  }
}
