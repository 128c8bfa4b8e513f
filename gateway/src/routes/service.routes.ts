import type { NextFunction, Request, RequestHandler, Response } from 'express';
import type { Verifier } from '@hoanhap/auth';
import type { Forward } from '../proxy/upstream-proxy';
import type { RateLimiter } from '../rate-limit/redis-rate-limiter';
import type { RouteTable } from '../openapi/route-table';
import { checkAccess } from './access-guard';
import { matchOperation } from './route-match';

export interface ServiceRoutesDeps {
  table: RouteTable;
  /** Base URL per service name. */
  origins: ReadonlyMap<string, string>;
  /** Known services with no OpenAPI document yet (answer 503). */
  undeployed: ReadonlySet<string>;
  verify: Verifier;
  limiter: RateLimiter;
  forward: Forward;
}

const ROUTED = /^\/(api|auth)(\/|$|\?)/;

/**
 * `/auth/*` and `/api/*`: match the operation, check token, limits and role,
 * then forward to its service — or fall through to the gateway's own
 * routers for its operations (`/api/reference/*`). One handler rather than
 * a mounted router and a middleware per step: this is every proxied
 * request's path, and each express layer costs.
 */
export function serviceRoutes(deps: ServiceRoutesDeps): RequestHandler {
  return async (req: Request, res: Response, next: NextFunction) => {
    if (!ROUTED.test(req.originalUrl)) return next();
    const operation = matchOperation(deps.table, deps.undeployed, req, res);
    await checkAccess(deps.verify, deps.limiter, operation, req);
    if (operation.service === 'gateway') return next();
    // the raw URL (still percent-encoded, with its query) minus the public prefix
    const path = req.originalUrl.slice(operation.stripPrefix.length);
    await deps.forward(req, res, { service: operation.service, origin: deps.origins.get(operation.service)!, path: path.startsWith('/') ? path : `/${path}` });
  };
}
