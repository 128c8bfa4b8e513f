import { defineEvent } from '../event-definition';
import { jobStateSchema, type JobStateV1 } from './employers.job-state';

/**
 * A job was created by an employer (ARCHITECTURE §6 `POST /api/employers/jobs` body, plus the ids, the status
 * it was created with and what matching needs). Consumers: matching, reports. Key = jobId.
 */
export interface JobPostedV1 extends Omit<JobStateV1, 'status'> {
  /** `open` unless the employer sent `draft`. */
  status: 'open' | 'draft';
}

export const jobPostedV1Schema = jobStateSchema(['open', 'draft']);

/** Topic `employers.job.posted.v1`, key = jobId. */
export const jobPostedV1 = defineEvent<JobPostedV1>({
  service: 'employers',
  entity: 'job',
  event: 'posted',
  version: 1,
  payloadSchema: jobPostedV1Schema,
});
