import { onEvent } from '@hoanhap/events';
import { jobPostedV1, jobUpdatedV1, type EventEnvelope } from '@hoanhap/contracts';
import type { JobFacts } from '../../domain/model/facts';
import type { MatchingModel } from '../../domain/model/matching-model';

// posted and updated travel on two topics, so their order is not guaranteed: the newer state wins
const versionOf = (envelope: EventEnvelope<JobFacts>) => Date.parse(envelope.payload.updatedAt ?? envelope.occurredAt);

/** A job as posted: open (or draft) from the next query on. */
export const jobPostedConsumer = (model: MatchingModel) =>
  onEvent(jobPostedV1, async (envelope, { topic, partition, offset }) => {
    model.jobs.apply(envelope.payload, versionOf(envelope));
    model.applied(topic, partition, offset);
    model.jobArrivals.arrived(envelope.payload.jobId);
  });

/** A job's new full state: a job that closes or fills leaves the matches from the next query on. */
export const jobUpdatedConsumer = (model: MatchingModel) =>
  onEvent(jobUpdatedV1, async (envelope, { topic, partition, offset }) => {
    model.jobs.apply(envelope.payload, versionOf(envelope));
    model.applied(topic, partition, offset);
  });
