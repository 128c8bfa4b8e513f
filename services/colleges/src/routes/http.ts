import type { Request } from 'express';
import { authenticate, authOf, requireRole, type Role, type Verifier } from '@hoanhap/auth';
import type { Cause } from '../domain/colleges.context';
import type { Caller } from '../domain/colleges.types';

/** Authentication then the operation's `x-roles` (kept equal to openapi.yaml by the contract test). */
export const allow = (verify: Verifier, ...roles: Role[]) => [authenticate(verify), requireRole(...roles)];

export const callerOf = (req: Request): Caller => {
  const { sub, role, orgId } = authOf(req);
  return { sub, role, ...(orgId ? { orgId } : {}) };
};

/** The request's ids, carried into the events it causes. */
export const causeOf = (req: Request): Cause => ({ correlationId: req.context.correlationId, causationId: req.context.requestId });

export const idOf = (req: Request) => req.params.id as string;
