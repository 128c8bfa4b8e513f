import { randomUUID } from 'node:crypto';
import { DEMO } from '@hoanhap/reference';

/** The ARCHITECTURE §6 job body as written, with real reference codes (a welder in Vinh). */
export const SECTION6_JOB = {
  title: 'Thợ hàn',
  occupationCode: '7212',
  skills: ['welding'],
  provinceCode: DEMO.provinceCode,
  communeCode: DEMO.communeCode,
  employmentType: 'stable',
  openings: 2,
  wageMinVnd: 7_000_000,
  wageMaxVnd: 9_000_000,
  description: 'Hàn kết cấu thép tại xưởng, có đào tạo an toàn.',
  closesAt: '2099-12-31',
} as const;

/** A cases.referral.created.v1 payload to a job. */
export const referralTo = (jobId: string, overrides: Record<string, unknown> = {}) => ({
  referralId: randomUUID(),
  returneeId: randomUUID(),
  target: { kind: 'job' as const, id: jobId },
  officerId: randomUUID(),
  officerOrgId: 'police-org',
  provinceCode: DEMO.provinceCode,
  communeCode: DEMO.communeCode,
  createdAt: new Date().toISOString(),
  ...overrides,
});

/** A cases.returnee.profile-published.v1 payload; `share: false` publishes the revision without employerView. */
export const profileOf = (returneeId: string, revision: number, share = true, discoverable = true) => ({
  returneeId,
  revision,
  consent: { matching: true, shareWithEmployers: share, shareWithColleges: true, shareWithBank: false, discoverable },
  matching: {
    provinceCode: DEMO.provinceCode,
    communeCode: DEMO.communeCode,
    skills: ['welding'],
    certificates: [],
    needs: ['job' as const],
    ageYears: 35,
    gender: 'male' as const,
  },
  ...(share
    ? {
        employerView: {
          givenName: 'An',
          skills: ['welding'],
          certificates: [{ skills: ['welding'], issuedOn: '2025-06-01' }],
          availableFrom: '2025-10-01',
          // what a buggy producer might add: the schema lets unknown names through, the employer must not see them
          restrictions: { noStateAgencyWork: true },
          releaseKind: 'amnesty',
        },
      }
    : {}),
});

/** Keys and values that must never reach an employer (ARCHITECTURE §2). */
export const SENSITIVE_KEYS = [
  'offence',
  'offenceCategory',
  'sentence',
  'grade',
  'restrictions',
  'fullName',
  'nationalId',
  'phone',
  'dateOfBirth',
  'address',
];

/** Every key anywhere in a JSON value. */
export function keysDeep(value: unknown): string[] {
  if (Array.isArray(value)) return value.flatMap(keysDeep);
  if (typeof value !== 'object' || value === null) return [];
  return Object.entries(value).flatMap(([key, child]) => [key, ...keysDeep(child)]);
}
