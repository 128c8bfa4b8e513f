import { defineEvent } from '../event-definition';
import { communeCode, dateTime, guarded, provinceCode, referralTarget, uuid } from './cases.schema-parts';

/**
 * An officer referred a consenting returnee to a job, a course cohort or a loan. The receiving service
 * creates its application or enrolment from it and reports back with `referralId`. Key = referralId.
 */
export interface ReferralCreatedV1 {
  referralId: string;
  returneeId: string;
  target: { kind: 'job' | 'course' | 'loan'; id: string };
  officerId: string;
  officerOrgId?: string;
  provinceCode: string;
  communeCode: string;
  note?: string;
  createdAt: string;
}

export const referralCreatedV1Schema = guarded({
  type: 'object',
  required: ['referralId', 'returneeId', 'target', 'officerId', 'provinceCode', 'communeCode', 'createdAt'],
  properties: {
    referralId: uuid,
    returneeId: uuid,
    target: referralTarget,
    officerId: { type: 'string', minLength: 1, maxLength: 100 },
    officerOrgId: { type: 'string', minLength: 1, maxLength: 100 },
    provinceCode,
    communeCode,
    note: { type: 'string', maxLength: 1000 },
    createdAt: dateTime,
  },
});

/** Topic `cases.referral.created.v1`, key = referralId. */
export const referralCreatedV1 = defineEvent<ReferralCreatedV1>({
  service: 'cases',
  entity: 'referral',
  event: 'created',
  version: 1,
  payloadSchema: referralCreatedV1Schema,
});
