import { invitationDecidedV1 } from '@hoanhap/contracts';
import type { Invitation } from '../domain/invitation.types';
import type { OutgoingEvent } from '../domain/outgoing-event';

/** The outcome only: never who decided, their note, or anything about the returnee beyond the opaque id. */
export const invitationDecided = (i: Invitation, at: string): OutgoingEvent => ({
  definition: invitationDecidedV1,
  key: i.id,
  payload: {
    invitationId: i.id,
    jobId: i.jobId,
    employerOrgId: i.employerOrgId,
    returneeId: i.returneeId,
    outcome: i.status === 'approved' ? 'approved' : 'declined',
    ...(i.status === 'declined' && i.decision?.reason && { reason: i.decision.reason }),
    ...(i.referralId && { referralId: i.referralId }),
    at,
  },
});
