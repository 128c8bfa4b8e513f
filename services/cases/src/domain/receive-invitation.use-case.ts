import { invitationDecided } from '../events/invitation-events';
import type { CasesContext } from './cases.context';
import { AUTOMATIC, isInvitable } from './invitation.rules';
import type { Invitation } from './invitation.types';
import type { Actor } from './returnee.types';

/** employers.invitation.requested.v1, as this service needs it. */
export interface InvitationRequest {
  invitationId: string;
  jobId: string;
  employerOrgId: string;
  returneeId: string;
  message?: string;
  at: string;
}

export type ReceiveOutcome = 'pending' | 'declined' | 'duplicate';

/**
 * An employer's request reaches the returnee's managing officer (their province's pending list). A returnee who
 * is not invitable is declined at once, in the same write, so the employer hears back and no officer is asked.
 * A redelivered request finds its invitation (same id) and changes nothing.
 */
export async function receiveInvitation(ctx: CasesContext, actor: Actor, request: InvitationRequest): Promise<ReceiveOutcome> {
  const returnee = await ctx.returnees.findById(request.returneeId);
  const now = ctx.clock().toISOString();
  const invitable = isInvitable(returnee);
  const invitation: Invitation = {
    id: request.invitationId,
    jobId: request.jobId,
    employerOrgId: request.employerOrgId,
    returneeId: request.returneeId,
    ...(request.message && { message: request.message }),
    status: invitable ? 'pending' : 'declined',
    ...(returnee && { provinceCode: returnee.address.provinceCode, communeCode: returnee.address.communeCode }),
    requestedAt: request.at,
    receivedAt: now,
    ...(!invitable && { decision: { reason: AUTOMATIC.reason, by: AUTOMATIC.by, automatic: true, at: now } }),
  };
  try {
    await ctx.invitations.insert(invitation, invitable ? [] : [invitationDecided(invitation, now)], actor);
  } catch (error) {
    if ((error as { code?: unknown }).code === 11000) return 'duplicate';
    throw error;
  }
  return invitation.status as ReceiveOutcome;
}
