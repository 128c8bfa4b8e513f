import type { Request } from 'express';
import { authOf } from '@hoanhap/auth';
import type { Actor } from '../domain/returnee.types';

/** The verified caller and the flow the request belongs to. */
export function actorOf(req: Request): Actor {
  const auth = authOf(req);
  return {
    id: auth.sub,
    role: auth.role,
    ...(auth.orgId && { orgId: auth.orgId }),
    ...(auth.provinceCode && { provinceCode: auth.provinceCode }),
    correlationId: req.context?.correlationId ?? req.context?.requestId ?? 'none',
  };
}

/** Why the caller reads (recorded in the audit log): `X-Purpose` header, else `purpose` query. */
export const purposeOf = (req: Request): string | undefined => req.header('x-purpose') ?? (req.query.purpose as string | undefined);

export const idParam = (req: Request) => req.params.id as string;
