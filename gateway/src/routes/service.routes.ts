import { type NextFunction, type Request, type Response, Router } from 'express';
import type { Verifier } from '@hoanhap/auth';
import type { Forward } from '../proxy/upstream-proxy';
import type { RateLimiter } from '../rate-limit/redis-rate-limiter';
import type { RouteTable } from '../openapi/route-table';
import { accessGuard } from './access-guard.middleware';
import { matchRoute, operationOf } from './route-match.middleware';

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

/**
 * `/auth/*` and `/api/*`: match the operation, check token, limits and role,
 * then forward to its service — or fall through to the gateway's own
 * routers for its operations (`/api/reference/*`).
 */
export function serviceRoutes(deps: ServiceRoutesDeps): Router {
  const router = Router();
  const dispatch = async (req: Request, res: Response, next: NextFunction) => {
    const operation = operationOf(res);
    if (operation.service === 'gateway') return next();
    const origin = deps.origins.get(operation.service)!;
    // the raw URL (still percent-encoded, with its query) minus the public prefix
    const path = req.originalUrl.slice(operation.stripPrefix.length);
    await deps.forward(req, res, { service: operation.service, origin, path: path.startsWith('/') ? path : `/${path}` });
  };
  router.use(['/auth', '/api'], matchRoute(deps.table, deps.undeployed), accessGuard(deps.verify, deps.limiter), dispatch);
  return router;
}
