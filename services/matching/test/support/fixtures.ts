import { randomUUID } from 'node:crypto';
import type { CohortPublishedV1, JobPostedV1, ProfilePublishedV1, RestrictionsPublishedV1 } from '@hoanhap/contracts';
import { DEMO } from '@hoanhap/reference';

/** Nghệ An ("40"): Phường Thành Vinh and Xã Đô Lương; Hà Tĩnh ("42") borders it; Hà Nội ("01") does not. */
export const PLACES = {
  vinh: { provinceCode: DEMO.provinceCode, communeCode: '16681' },
  doLuong: { provinceCode: DEMO.provinceCode, communeCode: '17662' },
  haTinh: { provinceCode: '42', communeCode: '18073' },
  haNoi: { provinceCode: '01', communeCode: '00004' },
};

export function profile(overrides: Partial<NonNullable<ProfilePublishedV1['matching']>> = {}, extra: Partial<ProfilePublishedV1> = {}): ProfilePublishedV1 {
  const returneeId = extra.returneeId ?? randomUUID();
  return {
    returneeId,
    revision: 1,
    consent: { matching: true, shareWithEmployers: true, shareWithColleges: true, shareWithBank: true, discoverable: true },
    matching: { ...PLACES.vinh, skills: ['welding'], certificates: [], needs: ['job'], ageYears: 30, gender: 'male', needsHousing: false, ...overrides },
    employerView: { givenName: 'An', skills: overrides.skills ?? ['welding'], certificates: [] },
    bankView: { givenName: 'An', ...PLACES.vinh, creditWindowEndsOn: '2030-09-01', releaseKindEligible: true },
    ...extra,
  };
}

export function restrictions(returneeId: string, overrides: Partial<RestrictionsPublishedV1> = {}): RestrictionsPublishedV1 {
  return { returneeId, revision: 1, bannedOccupations: [], bannedAreas: [], noStateAgencyWork: false, ...overrides };
}

export function job(overrides: Partial<JobPostedV1> = {}): JobPostedV1 {
  return {
    jobId: randomUUID(),
    employerOrgId: 'org-welders',
    title: 'Thợ hàn kết cấu',
    occupationCode: '7212',
    skills: ['welding'],
    niceToHaveSkills: [],
    ...PLACES.vinh,
    employmentType: 'stable',
    openings: 2,
    filled: 0,
    wageMinVnd: 8_000_000,
    wageMaxVnd: 10_000_000,
    accommodation: false,
    stateAgency: false,
    status: 'open',
    verifiedEmployer: true,
    ...overrides,
  };
}

export function cohort(overrides: Partial<CohortPublishedV1> = {}): CohortPublishedV1 {
  return {
    cohortId: randomUUID(),
    courseId: randomUUID(),
    collegeOrgId: 'org-college',
    title: 'Sơ cấp hàn',
    occupationCode: '7212',
    skillsGranted: ['welding'],
    ...PLACES.vinh,
    delivery: 'college',
    startsOn: '2026-12-15',
    endsOn: '2027-03-15',
    seats: 30,
    seatsLeft: 10,
    tuitionVnd: 0,
    support: [],
    status: 'open',
    ...overrides,
  };
}
