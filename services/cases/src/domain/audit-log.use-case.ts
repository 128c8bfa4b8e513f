import type { CasesContext } from './cases.context';
import { clampLimit } from './pagination';

export interface AuditQuery {
  resource?: string;
  resourceType?: string;
  actorId?: string;
  limit?: number;
  cursor?: string;
}

/** The audit log for administrators, newest first (the log's own cursor). */
export function queryAudit(ctx: CasesContext, query: AuditQuery) {
  return ctx.audit.query({
    ...(query.resource && { resourceId: query.resource }),
    ...(query.resourceType && { resourceType: query.resourceType }),
    ...(query.actorId && { actorId: query.actorId }),
    limit: clampLimit(query.limit),
    ...(query.cursor && { cursor: query.cursor }),
  });
}

/** Recomputes the hash chain: ok, or the first altered or missing row. */
export const verifyAudit = (ctx: CasesContext) => ctx.audit.verify();
