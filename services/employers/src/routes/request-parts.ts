import type { Request } from 'express';
import { authOf } from '@hoanhap/auth';
import type { Caller } from '../domain/caller';
import type { Trace } from '../domain/outgoing-event';

/** The verified caller, as the use cases see it. */
export function callerOf(req: Request): Caller {
  const { sub, role, orgId, provinceCode } = authOf(req);
  return { userId: sub, role, ...(orgId ? { orgId } : {}), ...(provinceCode ? { provinceCode } : {}) };
}

/** Events caused by this request carry its correlation id, and the request id as their cause. */
export function traceOf(req: Request): Trace {
  const context = req.context;
  return {
    correlationId: context?.correlationId ?? context?.requestId ?? 'employers',
    ...(context?.requestId ? { causationId: context.requestId } : {}),
  };
}

/** A path parameter (the OpenAPI validator has checked that it is there). */
export const param = (req: Request, name: string) => String(req.params[name]);
