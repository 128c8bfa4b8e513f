import { defineEvent } from '../event-definition';
import { communeCode, isoDate, occupationCode, opaqueId, provinceCode, skillSlugs } from './common.schema-parts';
import { collegesGuarded } from './colleges.schema-parts';

export interface CohortSupportV1 {
  kind: 'tuition-exempt' | 'tuition-reduced' | 'meal-allowance' | 'travel-allowance' | 'accommodation';
  amountVnd?: number;
}

/**
 * A cohort as it stands now (full state), published when it opens and on every change after that, including
 * each change of `seatsLeft`. Consumers keep the latest per cohortId: matching, reports. Key = cohortId.
 */
export interface CohortPublishedV1 {
  cohortId: string;
  courseId: string;
  collegeOrgId: string;
  title: string;
  occupationCode: string;
  skillsGranted: string[];
  provinceCode: string;
  communeCode?: string;
  delivery: 'college' | 'prison' | 'commune';
  startsOn: string;
  endsOn: string;
  seats: number;
  seatsLeft: number;
  tuitionVnd: number;
  /** Support under Decree 49/2020 the course offers (tuition exempted or reduced, meals, travel). */
  support: CohortSupportV1[];
  status: 'open' | 'running' | 'finished' | 'cancelled';
}

const vnd = { type: 'integer', minimum: 0 };

export const cohortPublishedV1Schema = collegesGuarded({
  type: 'object',
  required: [
    'cohortId',
    'courseId',
    'collegeOrgId',
    'title',
    'occupationCode',
    'skillsGranted',
    'provinceCode',
    'delivery',
    'startsOn',
    'endsOn',
    'seats',
    'seatsLeft',
    'tuitionVnd',
    'support',
    'status',
  ],
  properties: {
    cohortId: opaqueId,
    courseId: opaqueId,
    collegeOrgId: opaqueId,
    title: { type: 'string', minLength: 1, maxLength: 200 },
    occupationCode: occupationCode,
    skillsGranted: skillSlugs,
    provinceCode: provinceCode,
    communeCode: communeCode,
    delivery: { enum: ['college', 'prison', 'commune'] },
    startsOn: isoDate,
    endsOn: isoDate,
    seats: { type: 'integer', minimum: 0 },
    seatsLeft: { type: 'integer', minimum: 0 },
    tuitionVnd: vnd,
    support: {
      type: 'array',
      maxItems: 20,
      items: collegesGuarded({
        type: 'object',
        required: ['kind'],
        properties: { kind: { enum: ['tuition-exempt', 'tuition-reduced', 'meal-allowance', 'travel-allowance', 'accommodation'] }, amountVnd: vnd },
      }),
    },
    status: { enum: ['open', 'running', 'finished', 'cancelled'] },
  },
});

/** Topic `colleges.cohort.published.v1`, key = cohortId. */
export const cohortPublishedV1 = defineEvent<CohortPublishedV1>({
  service: 'colleges',
  entity: 'cohort',
  event: 'published',
  version: 1,
  payloadSchema: cohortPublishedV1Schema,
});
