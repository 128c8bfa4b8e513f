import { randomUUID } from 'node:crypto';
import type { ProfilePublishedV1, ReferralCreatedV1, ReferralWithdrawnV1 } from '@hoanhap/contracts';

/** Payloads as cases publishes them (ARCHITECTURE §2: only consented, derived facts). */
export const referralTo = (cohortId: string, returneeId = randomUUID()): ReferralCreatedV1 => ({
  referralId: randomUUID(),
  returneeId,
  target: { kind: 'course', id: cohortId },
  officerId: randomUUID(),
  provinceCode: '40',
  communeCode: '16681',
  createdAt: new Date().toISOString(),
});

export const withdrawalOf = (referral: ReferralCreatedV1, reason: ReferralWithdrawnV1['reason'] = 'officer'): ReferralWithdrawnV1 => ({
  referralId: referral.referralId,
  returneeId: referral.returneeId,
  target: referral.target,
  reason,
  at: new Date().toISOString(),
});

const CONSENT = { matching: true, shareWithEmployers: true, shareWithColleges: true, shareWithBank: true, discoverable: true };

/** A profile revision; without `givenName` the returnee does not share with colleges (no collegeView). */
export function profileOf(returneeId: string, revision: number, givenName?: string): ProfilePublishedV1 {
  return {
    returneeId,
    revision,
    consent: { ...CONSENT, shareWithColleges: givenName !== undefined },
    matching: { provinceCode: '40', communeCode: '16681', skills: ['masonry'], certificates: [], needs: ['training'], ageYears: 34, gender: 'male' },
    ...(givenName ? { collegeView: { givenName, skills: ['masonry'] } } : {}),
  };
}
