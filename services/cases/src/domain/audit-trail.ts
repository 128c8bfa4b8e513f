import type { CasesContext } from './cases.context';
import type { Actor } from './returnee.types';

export const DEFAULT_PURPOSE = 'case-management';

export const auditActor = (actor: Actor) => ({ id: actor.id, role: actor.role, ...(actor.orgId && { orgId: actor.orgId }) });

/**
 * One audit row: who (user, role, organisation), what (action on a resource), why (purpose), in which flow
 * (Law 91/2025 and Decree 356/2025: access to criminal data is logged).
 */
export function audit(
  ctx: CasesContext,
  actor: Actor,
  action: string,
  resource: { type: string; id: string },
  purpose = DEFAULT_PURPOSE,
  details?: Record<string, unknown>,
) {
  return ctx.audit.append({
    actor: auditActor(actor),
    action,
    resource,
    purpose,
    correlationId: actor.correlationId,
    ...(details && { details }),
  });
}
