import { defineEvent } from '../event-definition';
import { dateTime, opaqueId, uuid } from './common.schema-parts';
import { collegesGuarded } from './colleges.schema-parts';

export type EnrolmentStatusV1 = 'new' | 'enrolled' | 'waitlisted' | 'completed' | 'declined' | 'dropped' | 'withdrawn';

/**
 * An enrolment was created or changed status (ARCHITECTURE §3 table). `referralId` is set when the enrolment
 * came from a referral, so cases can move that referral along (closing the loop); roster enrolments have none.
 * Consumers: cases, reports. Key = enrolmentId.
 */
export interface EnrolmentStatusChangedV1 {
  enrolmentId: string;
  referralId?: string;
  cohortId: string;
  returneeId: string;
  status: EnrolmentStatusV1;
  /** Why it was declined, dropped or withdrawn (`cohort-cancelled`, `consent-revoked`, the college's words). */
  reason?: string;
  at: string;
}

export const enrolmentStatusChangedV1Schema = collegesGuarded({
  type: 'object',
  required: ['enrolmentId', 'cohortId', 'returneeId', 'status', 'at'],
  properties: {
    enrolmentId: opaqueId,
    referralId: uuid,
    cohortId: opaqueId,
    returneeId: uuid,
    status: { enum: ['new', 'enrolled', 'waitlisted', 'completed', 'declined', 'dropped', 'withdrawn'] },
    reason: { type: 'string', maxLength: 1000 },
    at: dateTime,
  },
});

/** Topic `colleges.enrolment.status-changed.v1`, key = enrolmentId. */
export const enrolmentStatusChangedV1 = defineEvent<EnrolmentStatusChangedV1>({
  service: 'colleges',
  entity: 'enrolment',
  event: 'status-changed',
  version: 1,
  payloadSchema: enrolmentStatusChangedV1Schema,
});
