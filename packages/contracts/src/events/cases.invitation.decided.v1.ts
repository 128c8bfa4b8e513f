import { defineEvent } from '../event-definition';
import { dateTime, SENSITIVE_FIELD_NAMES, targetId, uuid } from './cases.schema-parts';

/** Why an officer declined; `unavailable` is also the automatic answer when the returnee is not invitable. */
export const INVITATION_DECLINE_REASONS_V1 = ['returnee-declined', 'not-suitable', 'unavailable', 'other'] as const;
export type InvitationDeclineReasonV1 = (typeof INVITATION_DECLINE_REASONS_V1)[number];

/**
 * The answer to an employer's invitation (employers.invitation.requested.v1): the returnee's managing officer
 * approved it (a normal referral to the job follows as cases.referral.created.v1, named by `referralId`) or
 * declined it — by hand, or automatically when the returnee is not discoverable, has not consented to share
 * with employers or has no active file. Nothing about the officer (who, which organisation, their note) and
 * nothing that identifies the returnee crosses: the employer learns the outcome and a reason code only.
 * Consumers: employers. Key = invitationId.
 */
export interface InvitationDecidedV1 {
  invitationId: string;
  jobId: string;
  employerOrgId: string;
  returneeId: string;
  outcome: 'approved' | 'declined';
  /** Present when declined. */
  reason?: InvitationDeclineReasonV1;
  /** Present when approved: the referral cases created. */
  referralId?: string;
  at: string;
}

/** Officer-side facts the employer never gets, on top of the returnee's identity. */
const NEVER = [...SENSITIVE_FIELD_NAMES, 'officerId', 'officerOrgId', 'decidedBy', 'note', 'provinceCode', 'communeCode'];

export const invitationDecidedV1Schema = {
  type: 'object',
  required: ['invitationId', 'jobId', 'employerOrgId', 'returneeId', 'outcome', 'at'],
  properties: {
    invitationId: targetId,
    jobId: targetId,
    employerOrgId: targetId,
    returneeId: uuid,
    outcome: { enum: ['approved', 'declined'] },
    reason: { enum: [...INVITATION_DECLINE_REASONS_V1] },
    referralId: uuid,
    at: dateTime,
  },
  propertyNames: { not: { enum: NEVER } },
  additionalProperties: true,
};

/** Topic `cases.invitation.decided.v1`, key = invitationId. */
export const invitationDecidedV1 = defineEvent<InvitationDecidedV1>({
  service: 'cases',
  entity: 'invitation',
  event: 'decided',
  version: 1,
  payloadSchema: invitationDecidedV1Schema,
});
