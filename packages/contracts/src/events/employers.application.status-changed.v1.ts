import { defineEvent } from '../event-definition';
import { dateTime, isoDate, opaqueId, uuid } from './common.schema-parts';
import { employersGuarded } from './employers.schema-parts';

export type ApplicationStatusV1 = 'new' | 'interview' | 'offered' | 'hired' | 'declined' | 'withdrawn';

/**
 * A job application changed (ARCHITECTURE §3 table): cases moves the referral `referralId` along with it, which
 * closes the loop. `status: new` with `openedAt` means the employer opened it for the first time (the referral
 * becomes `seen`). `reason` is a code (`skills-mismatch`, `position-filled`, … or, for withdrawals, `officer` /
 * `consent-revoked`); `reasonNote` the employer's own words. Consumers: cases, reports. Key = applicationId.
 */
export interface ApplicationStatusChangedV1 {
  applicationId: string;
  referralId: string;
  jobId: string;
  employerOrgId: string;
  returneeId: string;
  status: ApplicationStatusV1;
  reason?: string;
  reasonNote?: string;
  interviewAt?: string;
  /** YYYY-MM-DD, with `hired`. */
  startDate?: string;
  /** `indefinite`, `fixed-term`, `seasonal` or `probation`, with `hired`. */
  contractType?: string;
  /** When the employer first opened the application. */
  openedAt?: string;
  employmentType: 'stable' | 'seasonal';
  at: string;
}

export const applicationStatusChangedV1Schema = employersGuarded({
  type: 'object',
  required: ['applicationId', 'referralId', 'jobId', 'employerOrgId', 'returneeId', 'status', 'employmentType', 'at'],
  properties: {
    applicationId: opaqueId,
    referralId: uuid,
    jobId: opaqueId,
    employerOrgId: opaqueId,
    returneeId: uuid,
    status: { enum: ['new', 'interview', 'offered', 'hired', 'declined', 'withdrawn'] },
    reason: { type: 'string', maxLength: 100 },
    reasonNote: { type: 'string', maxLength: 1000 },
    interviewAt: dateTime,
    startDate: isoDate,
    contractType: { enum: ['indefinite', 'fixed-term', 'seasonal', 'probation'] },
    openedAt: dateTime,
    employmentType: { enum: ['stable', 'seasonal'] },
    at: dateTime,
  },
});

/** Topic `employers.application.status-changed.v1`, key = applicationId. */
export const applicationStatusChangedV1 = defineEvent<ApplicationStatusChangedV1>({
  service: 'employers',
  entity: 'application',
  event: 'status-changed',
  version: 1,
  payloadSchema: applicationStatusChangedV1Schema,
});
