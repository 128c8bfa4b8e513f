import type { NextFunction, Request, RequestHandler, Response } from 'express';
import { AppError } from '@hoanhap/kit';
import type { AuthClaims, Role } from './claims';
import type { Verifier } from './verifier';

declare global {
  // eslint-disable-next-line @typescript-eslint/no-namespace
  namespace Express {
    interface Request {
      /** The verified caller, set by `authenticate`. */
      auth?: AuthClaims;
    }
  }
}

const missing = () =>
  new AppError('AUTH.TOKEN_MISSING', 401, 'a bearer token is required', { headers: { 'WWW-Authenticate': 'Bearer realm="hoanhap"' } });

/** The verified caller of a request that passed `authenticate`; 401 otherwise. */
export function authOf(req: Request): AuthClaims {
  if (!req.auth) throw missing();
  return req.auth;
}

/** Requires `Authorization: Bearer <token>` and verifies it; sets `req.auth`. Failures are 401 problem+json. */
export function authenticate(verify: Verifier): RequestHandler {
  return async (req: Request, _res: Response, next: NextFunction) => {
    const token = bearerToken(req.headers.authorization);
    if (!token) throw missing();
    req.auth = await verify(token);
    next();
  };
}

/** The token of an `Authorization: Bearer <token>` header, or undefined when there is none or it is malformed. */
export function bearerToken(header: string | undefined): string | undefined {
  return /^Bearer ([A-Za-z0-9_.~+/=-]+)$/.exec(header ?? '')?.[1];
}

/** Lets through only the given roles; others get 403 problem+json. */
export function requireRole(...roles: Role[]): RequestHandler {
  return (req: Request, _res: Response, next: NextFunction) => {
    const { role } = authOf(req);
    if (!roles.includes(role)) {
      throw new AppError('AUTH.FORBIDDEN_ROLE', 403, `this action needs the role ${roles.join(' or ')}`);
    }
    next();
  };
}

/**
 * Lets through only callers acting for the organisation that owns the
 * resource — object-level authorisation (OWASP API1). `orgIdOf` reads the
 * owner from the request (a path parameter, or a loaded resource); roles in
 * `bypass` (e.g. `admin`) pass regardless.
 */
export function requireOrg(orgIdOf: (req: Request) => string | undefined | Promise<string | undefined>, options: { bypass?: Role[] } = {}): RequestHandler {
  return async (req: Request, _res: Response, next: NextFunction) => {
    const caller = authOf(req);
    if (options.bypass?.includes(caller.role)) return next();
    const owner = await orgIdOf(req);
    if (!caller.orgId || owner === undefined || owner !== caller.orgId) {
      throw new AppError('AUTH.FORBIDDEN_ORG', 403, 'this resource belongs to another organisation');
    }
    next();
  };
}
