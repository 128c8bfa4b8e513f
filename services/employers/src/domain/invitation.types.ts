/** `requested` = pending: the officer has not answered yet. */
export type InvitationStatus = 'requested' | 'approved' | 'declined';

/**
 * An employer's request that an officer refer a candidate matching proposed.
 * The returnee is never contacted from here: the officer decides (cases),
 * and only the outcome comes back (cases.invitation.decided.v1) — a reason
 * code when declined, the referral when approved; never who decided.
 */
export interface Invitation {
  id: string;
  jobId: string;
  employerOrgId: string;
  returneeId: string;
  message?: string;
  status: InvitationStatus;
  /** From cases.invitation.decided.v1. */
  decision?: { reason?: string; referralId?: string; at: string };
  requestedBy: string;
  createdAt: Date;
}

export interface InvitationInput {
  jobId: string;
  returneeId: string;
  message?: string;
}
