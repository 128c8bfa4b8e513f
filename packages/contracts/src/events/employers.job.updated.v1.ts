import { defineEvent } from '../event-definition';
import { jobStateSchema, type JobStateV1 } from './employers.job-state';

/**
 * A job changed: an edit, a hire (`filled`), filled/closed/expired. The full state, as posted, so a consumer
 * never needs the earlier events to know the job. Consumers: matching, reports. Key = jobId.
 */
export type JobUpdatedV1 = JobStateV1;

export const jobUpdatedV1Schema = jobStateSchema(['draft', 'open', 'filled', 'closed', 'expired']);

/** Topic `employers.job.updated.v1`, key = jobId. */
export const jobUpdatedV1 = defineEvent<JobUpdatedV1>({
  service: 'employers',
  entity: 'job',
  event: 'updated',
  version: 1,
  payloadSchema: jobUpdatedV1Schema,
});
