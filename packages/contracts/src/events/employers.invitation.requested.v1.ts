import { defineEvent } from '../event-definition';
import { dateTime, opaqueId, uuid } from './common.schema-parts';
import { employersGuarded } from './employers.schema-parts';

/**
 * An employer asks that a discoverable candidate (proposed by matching) be referred to one of its jobs. The
 * returnee is never contacted by the employer: an officer in cases decides whether to refer. Consumers: cases.
 * Key = invitationId.
 */
export interface InvitationRequestedV1 {
  invitationId: string;
  jobId: string;
  employerOrgId: string;
  returneeId: string;
  /** The employer's note to the officer. */
  message?: string;
  /** The employer user who asked. */
  requestedBy: string;
  at: string;
}

export const invitationRequestedV1Schema = employersGuarded({
  type: 'object',
  required: ['invitationId', 'jobId', 'employerOrgId', 'returneeId', 'requestedBy', 'at'],
  properties: {
    invitationId: opaqueId,
    jobId: opaqueId,
    employerOrgId: opaqueId,
    returneeId: uuid,
    message: { type: 'string', maxLength: 500 },
    requestedBy: opaqueId,
    at: dateTime,
  },
});

/** Topic `employers.invitation.requested.v1`, key = invitationId. */
export const invitationRequestedV1 = defineEvent<InvitationRequestedV1>({
  service: 'employers',
  entity: 'invitation',
  event: 'requested',
  version: 1,
  payloadSchema: invitationRequestedV1Schema,
});
