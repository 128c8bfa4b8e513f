import { defineEvent } from '../event-definition';
import { dateTime, guarded, referralTarget, uuid } from './cases.schema-parts';

/**
 * A referral's status (ARCHITECTURE §3 table) or the receiving side's own status changed. `daysToAnswer` is
 * set when the answer is a decision (succeeded, declined). Consumers: reports. Key = referralId.
 */
export interface ReferralStatusChangedV1 {
  referralId: string;
  returneeId: string;
  target: { kind: 'job' | 'course' | 'loan'; id: string };
  status: 'sent' | 'seen' | 'in-progress' | 'succeeded' | 'declined' | 'withdrawn';
  /** The receiving side's status (`interview`, `enrolled`, `under-review`, …). */
  sideStatus: string;
  reason?: string;
  at: string;
  daysToAnswer?: number;
}

export const referralStatusChangedV1Schema = guarded({
  type: 'object',
  required: ['referralId', 'returneeId', 'target', 'status', 'sideStatus', 'at'],
  properties: {
    referralId: uuid,
    returneeId: uuid,
    target: referralTarget,
    status: { enum: ['sent', 'seen', 'in-progress', 'succeeded', 'declined', 'withdrawn'] },
    sideStatus: { type: 'string', minLength: 1, maxLength: 40 },
    reason: { type: 'string', maxLength: 1000 },
    at: dateTime,
    daysToAnswer: { type: 'integer', minimum: 0 },
  },
});

/** Topic `cases.referral.status-changed.v1`, key = referralId. */
export const referralStatusChangedV1 = defineEvent<ReferralStatusChangedV1>({
  service: 'cases',
  entity: 'referral',
  event: 'status-changed',
  version: 1,
  payloadSchema: referralStatusChangedV1Schema,
});
