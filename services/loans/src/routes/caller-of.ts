import type { Request } from 'express';
import { authOf } from '@hoanhap/auth';
import type { Caller } from '../domain/caller';

/** The verified caller and the request's correlation id, for use cases and the events they cause. */
export function callerOf(req: Request): Caller {
  const claims = authOf(req);
  return {
    userId: claims.sub,
    role: claims.role,
    ...(claims.orgId ? { orgId: claims.orgId } : {}),
    ...(claims.provinceCode ? { provinceCode: claims.provinceCode } : {}),
    trace: { correlationId: req.context.correlationId, causationId: req.context.requestId },
  };
}

/** A path parameter (express 5 types them as string | string[]). */
export const param = (req: Request, name: string): string => String(req.params[name]);
