import { defineEvent } from '../event-definition';
import { dateTime, guarded, referralTarget, uuid } from './cases.schema-parts';

/**
 * A referral was withdrawn by the officer, or because the returnee revoked the consent that sharing with that
 * kind of recipient needs: the receiving side withdraws its application or enrolment and drops the profile.
 * Key = referralId.
 */
export interface ReferralWithdrawnV1 {
  referralId: string;
  returneeId: string;
  target: { kind: 'job' | 'course' | 'loan'; id: string };
  reason: 'officer' | 'consent-revoked';
  at: string;
}

export const referralWithdrawnV1Schema = guarded({
  type: 'object',
  required: ['referralId', 'returneeId', 'target', 'reason', 'at'],
  properties: { referralId: uuid, returneeId: uuid, target: referralTarget, reason: { enum: ['officer', 'consent-revoked'] }, at: dateTime },
});

/** Topic `cases.referral.withdrawn.v1`, key = referralId. */
export const referralWithdrawnV1 = defineEvent<ReferralWithdrawnV1>({
  service: 'cases',
  entity: 'referral',
  event: 'withdrawn',
  version: 1,
  payloadSchema: referralWithdrawnV1Schema,
});
