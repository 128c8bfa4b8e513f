import { defineEvent } from '../event-definition';
import { communeCode, guarded, isoDate, occupationCode, provinceCode, revision, skillSlugs, uuid } from './cases.schema-parts';

export interface ConsentFlagsV1 {
  matching: boolean;
  shareWithEmployers: boolean;
  shareWithColleges: boolean;
  shareWithBank: boolean;
  discoverable: boolean;
}
export interface PublishedCertificateV1 {
  certificateId?: string;
  occupationCode?: string;
  skills: string[];
  issuedOn: string;
}

/**
 * A returnee's consent-scoped profile, one revision per change (EVENTS.md). A section is present only while
 * its consent is given; a revision without it means "drop what you held". `givenName` is the LAST word of the
 * full name ("Nguyễn Văn An" → "An"). Never full name, national ID, phone, address line, offence, sentence,
 * grade. Consumers: matching, employers, colleges, loans, reports. Key = returneeId.
 */
export interface ProfilePublishedV1 {
  returneeId: string;
  /** Increases by one with each publication; consumers keep the highest. */
  revision: number;
  consent: ConsentFlagsV1;
  matching?: {
    provinceCode: string;
    communeCode: string;
    skills: string[];
    certificates: PublishedCertificateV1[];
    needs: string[];
    availableFrom?: string;
    ageYears: number;
    gender: 'male' | 'female' | 'other';
    prefersStable?: boolean;
    needsHousing?: boolean;
    goal?: string;
  };
  employerView?: { givenName: string; skills: string[]; certificates: PublishedCertificateV1[]; availableFrom?: string };
  collegeView?: { givenName: string; skills: string[] };
  bankView?: { givenName: string; provinceCode: string; communeCode: string; creditWindowEndsOn: string; releaseKindEligible: boolean };
}

const flag = { type: 'boolean' };
const givenName = { type: 'string', minLength: 1, maxLength: 40, pattern: '^\\S+$' };
const certificates = {
  type: 'array',
  maxItems: 100,
  items: guarded({ type: 'object', required: ['skills', 'issuedOn'], properties: { certificateId: { type: 'string' }, occupationCode, skills: skillSlugs, issuedOn: isoDate } }),
};

export const profilePublishedV1Schema = guarded({
  type: 'object',
  required: ['returneeId', 'revision', 'consent'],
  properties: {
    returneeId: uuid,
    revision,
    consent: guarded({
      type: 'object',
      required: ['matching', 'shareWithEmployers', 'shareWithColleges', 'shareWithBank', 'discoverable'],
      properties: { matching: flag, shareWithEmployers: flag, shareWithColleges: flag, shareWithBank: flag, discoverable: flag },
    }),
    matching: guarded({
      type: 'object',
      required: ['provinceCode', 'communeCode', 'skills', 'certificates', 'needs', 'ageYears', 'gender'],
      properties: {
        provinceCode,
        communeCode,
        skills: skillSlugs,
        certificates,
        needs: { type: 'array', items: { enum: ['id-card', 'residence-registration', 'job', 'training', 'loan', 'housing', 'health'] } },
        availableFrom: isoDate,
        ageYears: { type: 'integer', minimum: 0, maximum: 130 },
        gender: { enum: ['male', 'female', 'other'] },
        prefersStable: flag,
        needsHousing: flag,
        goal: { type: 'string', maxLength: 200 },
      },
    }),
    employerView: guarded({
      type: 'object',
      required: ['givenName', 'skills', 'certificates'],
      properties: { givenName, skills: skillSlugs, certificates, availableFrom: isoDate },
    }),
    collegeView: guarded({ type: 'object', required: ['givenName', 'skills'], properties: { givenName, skills: skillSlugs } }),
    bankView: guarded({
      type: 'object',
      required: ['givenName', 'provinceCode', 'communeCode', 'creditWindowEndsOn', 'releaseKindEligible'],
      properties: { givenName, provinceCode, communeCode, creditWindowEndsOn: isoDate, releaseKindEligible: flag },
    }),
  },
});

/** Topic `cases.returnee.profile-published.v1`, key = returneeId. */
export const profilePublishedV1 = defineEvent<ProfilePublishedV1>({
  service: 'cases',
  entity: 'returnee',
  event: 'profile-published',
  version: 1,
  payloadSchema: profilePublishedV1Schema,
});
