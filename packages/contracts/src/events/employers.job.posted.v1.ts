import { defineEvent, type JsonSchema } from '../event-definition';

/**
 * A job was created by an employer (ARCHITECTURE §6 `POST /api/employers/jobs`
 * body, plus the ids and the status it was created with). Consumers: matching.
 */
export interface JobPostedV1 {
  jobId: string;
  employerOrgId: string;
  /** `open` unless the employer sent `draft`. */
  status: 'open' | 'draft';
  title: string;
  /** VSCO 2020 occupation code, 4 digits ("7212"). */
  occupationCode: string;
  /** Skill slugs from the reference vocabulary ("welding"). */
  skills: string[];
  provinceCode: string;
  communeCode: string;
  employmentType: 'stable' | 'seasonal';
  openings: number;
  wageMinVnd: number;
  wageMaxVnd: number;
  description?: string;
  /** ISO 8601 date or date-time after which the job takes no applications. */
  closesAt?: string;
}

const id = { type: 'string', minLength: 1, maxLength: 100 };
const vnd = { type: 'integer', minimum: 0 };

export const jobPostedV1Schema: JsonSchema = {
  type: 'object',
  required: [
    'jobId',
    'employerOrgId',
    'status',
    'title',
    'occupationCode',
    'skills',
    'provinceCode',
    'communeCode',
    'employmentType',
    'openings',
    'wageMinVnd',
    'wageMaxVnd',
  ],
  properties: {
    jobId: id,
    employerOrgId: id,
    status: { enum: ['open', 'draft'] },
    title: { type: 'string', minLength: 1, maxLength: 200 },
    occupationCode: { type: 'string', pattern: '^[0-9]{4}$' },
    skills: { type: 'array', items: { type: 'string', pattern: '^[a-z0-9]+(-[a-z0-9]+)*$' }, maxItems: 50 },
    provinceCode: { type: 'string', pattern: '^[0-9]{2}$' },
    communeCode: { type: 'string', pattern: '^[0-9]{5}$' },
    employmentType: { enum: ['stable', 'seasonal'] },
    openings: { type: 'integer', minimum: 1 },
    wageMinVnd: vnd,
    wageMaxVnd: vnd,
    description: { type: 'string', maxLength: 5000 },
    closesAt: { type: 'string', pattern: '^[0-9]{4}-[0-9]{2}-[0-9]{2}' },
  },
  // additive evolution: consumers ignore fields they do not use
  additionalProperties: true,
};

/** Topic `employers.job.posted.v1`, key = jobId. */
export const jobPostedV1 = defineEvent<JobPostedV1>({
  service: 'employers',
  entity: 'job',
  event: 'posted',
  version: 1,
  payloadSchema: jobPostedV1Schema,
});
