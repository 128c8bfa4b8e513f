import type { Request, Response } from 'express';
import { AppError } from '@hoanhap/kit';
import type { GatewayOperation } from '../openapi/merge-openapi';
import type { RouteTable } from '../openapi/route-table';

/**
 * Finds the merged document's operation for the request: 404 for a path no
 * document declares, 405 (with Allow) for a declared path and another
 * method, and 503 for a known service that has no document yet (it is not
 * deployed: the convention is that such a service answers 503).
 */
export function matchOperation(table: RouteTable, undeployed: ReadonlySet<string>, req: Request, res: Response): GatewayOperation {
  const path = req.originalUrl.split('?', 1)[0]!;
  const found = table.lookup(req.method, path);
  if (found.kind === 'found') {
    res.locals.routeTemplate = found.operation.template; // the metrics label
    return found.operation;
  }
  if (found.kind === 'method-not-allowed') {
    throw new AppError('ROUTE.METHOD_NOT_ALLOWED', 405, `${req.method} is not allowed on ${path}`, { headers: { Allow: found.allow.join(', ') } });
  }
  const service = /^\/api\/([^/]+)/.exec(path)?.[1] ?? (/^\/auth(\/|$)/.test(path) ? 'identity' : undefined);
  if (service && undeployed.has(service)) {
    throw new AppError('UPSTREAM.NOT_DEPLOYED', 503, `the ${service} service is not available yet`, { headers: { 'Retry-After': '30' }, extensions: { service } });
  }
  throw new AppError('ROUTE.NOT_FOUND', 404, `no route ${req.method} ${path}`);
}
