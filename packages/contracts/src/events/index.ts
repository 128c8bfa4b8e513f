import type { EventDefinition } from '../event-definition';
import { jobPostedV1 } from './employers.job.posted.v1';

export { jobPostedV1, jobPostedV1Schema, type JobPostedV1 } from './employers.job.posted.v1';

/**
 * Every event type and version on the wire. A service adds its event file in
 * this folder and lists it here; topic creation and tooling read this list.
 */
export const eventCatalogue: readonly EventDefinition[] = [jobPostedV1];

/** Every topic of the catalogue (dead-letter topics are `<topic>.dlq`). */
export const eventTopics: readonly string[] = eventCatalogue.map((definition) => definition.topic);
