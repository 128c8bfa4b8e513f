import { defineEvent } from '../event-definition';
import { isoDate, opaqueId, uuid } from './common.schema-parts';
import { employersGuarded } from './employers.schema-parts';

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
    applicationId: opaqueId,
    returneeId: uuid,
    jobId: opaqueId,
    employerOrgId: opaqueId,
    monthsAfterHire: { enum: [3, 6, 12] },
    stillEmployed: { type: 'boolean' },
    on: isoDate,
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
