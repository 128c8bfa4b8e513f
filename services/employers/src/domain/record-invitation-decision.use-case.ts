import type { EmployersContext } from './employers.context';
import type { Invitation } from './invitation.types';
import type { Trace } from './outgoing-event';

/** cases.invitation.decided.v1, as this service keeps it. */
export interface InvitationDecision {
  invitationId: string;
  employerOrgId: string;
  outcome: 'approved' | 'declined';
  reason?: string;
  referralId?: string;
  at: string;
}

/**
 * The officer's answer (or cases' automatic one) shows on the employer's invitation. An answer is final: a
 * redelivered or repeated decision changes nothing. A decision for an invitation this service does not hold
 * (or another organisation's) is ignored.
 */
export async function recordInvitationDecision(ctx: EmployersContext, decision: InvitationDecision, trace: Trace): Promise<boolean> {
  let recorded = false;
  await ctx.invitations.update(
    decision.invitationId,
    (current) => {
      if (current.status !== 'requested' || current.employerOrgId !== decision.employerOrgId) return undefined;
      recorded = true;
      const next: Invitation = {
        ...current,
        status: decision.outcome,
        decision: {
          ...(decision.reason && { reason: decision.reason }),
          ...(decision.referralId && { referralId: decision.referralId }),
          at: decision.at,
        },
      };
      return { next };
    },
    trace,
  );
  return recorded;
}
