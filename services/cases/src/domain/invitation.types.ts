import { INVITATION_DECLINE_REASONS_V1, type InvitationDeclineReasonV1 } from '@hoanhap/contracts';

export const INVITATION_STATUSES = ['pending', 'approved', 'declined'] as const;
export const DECLINE_REASONS = INVITATION_DECLINE_REASONS_V1;
export type InvitationStatus = (typeof INVITATION_STATUSES)[number];
export type DeclineReason = InvitationDeclineReasonV1;

/**
 * An employer's request (employers.invitation.requested.v1) that a discoverable returnee be referred to its
 * job, waiting for the returnee's managing officer. The employer never contacts the returnee: approval makes a
 * normal referral, and the employer only ever hears the outcome (cases.invitation.decided.v1).
 */
export interface Invitation {
  /** The employer's invitationId: a redelivered request finds it and changes nothing. */
  id: string;
  jobId: string;
  employerOrgId: string;
  returneeId: string;
  /** The employer's note to the officer. */
  message?: string;
  status: InvitationStatus;
  /** The returnee's province and commune when it arrived (province isolation); absent for an unknown returnee. */
  provinceCode?: string;
  communeCode?: string;
  requestedAt: string;
  receivedAt: string;
  decision?: {
    reason?: DeclineReason;
    /** The officer's own words; stays in cases. */
    note?: string;
    /** The officer, or `system:cases` for an automatic answer. */
    by: string;
    automatic: boolean;
    at: string;
  };
  referralId?: string;
}
