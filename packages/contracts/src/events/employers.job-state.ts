import type { JsonSchema } from '../event-definition';
import { dateTime, isoDate, opaqueId, vnd } from './common.schema-parts';
import { employersGuarded, employersSkills } from './employers.schema-parts';

export type JobStatusV1 = 'draft' | 'open' | 'filled' | 'closed' | 'expired';

/**
 * A job's full state as employers publishes it (EVENTS.md `employers.job.posted.v1` / `.updated.v1`): the
 * ARCHITECTURE §6 body plus what matching ranks and filters on. `status` is the status as shown, so an open
 * job past `closesAt` is `expired`.
 */
export interface JobStateV1 {
  jobId: string;
  employerOrgId: string;
  title: string;
  /** VSCO 2020 occupation code, 4 digits ("7212"). */
  occupationCode: string;
  /** Skill slugs from the reference vocabulary ("welding"). */
  skills: string[];
  niceToHaveSkills: string[];
  provinceCode: string;
  communeCode: string;
  employmentType: 'stable' | 'seasonal';
  seasonStart?: string;
  seasonEnd?: string;
  openings: number;
  /** Hires made so far. */
  filled: number;
  wageMinVnd: number;
  wageMaxVnd: number;
  hoursPerWeek?: number;
  shifts?: string[];
  /** Housing provided by the employer. */
  accommodation: boolean;
  meals?: boolean;
  trainingOnTheJob?: boolean;
  minimumAge?: number;
  physicalDemands?: 'light' | 'moderate' | 'heavy';
  /** A state-agency post (Penal Code Art. 44): matching never offers it to someone who lost that right. */
  stateAgency: boolean;
  /** ISO 8601 date-time after which the job takes no applications. */
  closesAt?: string;
  status: JobStatusV1;
  /** The employer's profile and fair-chance pledge were checked by an officer or administrator. */
  verifiedEmployer: boolean;
  updatedAt?: string;
}

/** The JSON Schema of {@link JobStateV1}, with the statuses a given event may carry. */
export function jobStateSchema(statuses: readonly JobStatusV1[]): JsonSchema {
  return employersGuarded({
    type: 'object',
    required: [
      'jobId',
      'employerOrgId',
      'title',
      'occupationCode',
      'skills',
      'niceToHaveSkills',
      'provinceCode',
      'communeCode',
      'employmentType',
      'openings',
      'filled',
      'wageMinVnd',
      'wageMaxVnd',
      'accommodation',
      'stateAgency',
      'status',
      'verifiedEmployer',
    ],
    properties: {
      jobId: opaqueId,
      employerOrgId: opaqueId,
      title: { type: 'string', minLength: 1, maxLength: 200 },
      occupationCode: { type: 'string', pattern: '^[0-9]{4}$' },
      skills: employersSkills,
      niceToHaveSkills: employersSkills,
      provinceCode: { type: 'string', pattern: '^[0-9]{2}$' },
      communeCode: { type: 'string', pattern: '^[0-9]{5}$' },
      employmentType: { enum: ['stable', 'seasonal'] },
      seasonStart: isoDate,
      seasonEnd: isoDate,
      openings: { type: 'integer', minimum: 1 },
      filled: { type: 'integer', minimum: 0 },
      wageMinVnd: vnd,
      wageMaxVnd: vnd,
      hoursPerWeek: { type: 'integer', minimum: 1, maximum: 168 },
      shifts: { type: 'array', items: { type: 'string' }, maxItems: 10 },
      accommodation: { type: 'boolean' },
      meals: { type: 'boolean' },
      trainingOnTheJob: { type: 'boolean' },
      minimumAge: { type: 'integer', minimum: 0, maximum: 100 },
      physicalDemands: { enum: ['light', 'moderate', 'heavy'] },
      stateAgency: { type: 'boolean' },
      closesAt: dateTime,
      status: { enum: [...statuses] },
      verifiedEmployer: { type: 'boolean' },
      updatedAt: dateTime,
    },
  });
}
