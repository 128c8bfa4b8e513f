import { defineEvent } from '../event-definition';
import { employersDate, employersGuarded, employersId, employersUuid } from './employers.schema-parts';

/**
 * A hire was checked on 3, 6 or 12 months after it started (recorded by the employer or an officer): the
 * retention figures reports show. Consumers: reports. Key = applicationId.
 */
export interface EmploymentCheckedV1 {
  applicationId: string;
  returneeId: string;
  jobId: string;
  employerOrgId: string;
  monthsAfterHire: 3 | 6 | 12;
  stillEmployed: boolean;
  /** YYYY-MM-DD, the day of the check. */
  on: string;
}

export const employmentCheckedV1Schema = employersGuarded({
  type: 'object',
  required: ['applicationId', 'returneeId', 'jobId', 'monthsAfterHire', 'stillEmployed', 'on'],
  properties: {
    applicationId: employersId,
    returneeId: employersUuid,
    jobId: employersId,
    employerOrgId: employersId,
    monthsAfterHire: { enum: [3, 6, 12] },
    stillEmployed: { type: 'boolean' },
    on: employersDate,
  },
});

/** Topic `employers.employment.checked.v1`, key = applicationId. */
export const employmentCheckedV1 = defineEvent<EmploymentCheckedV1>({
  service: 'employers',
  entity: 'employment',
  event: 'checked',
  version: 1,
  payloadSchema: employmentCheckedV1Schema,
});
