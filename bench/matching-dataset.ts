/**
 * The synthetic national dataset, published to the real Kafka topics (under the benchmark's own prefix)
 * with a batch producer: every envelope built and validated by packages/events exactly as a producing
 * service would, so the data reaches matching only through Kafka.
 */
import { cohortPublishedV1, jobPostedV1, loanProductPublishedV1, profilePublishedV1, restrictionsPublishedV1, type EventDefinition, type EventEnvelope } from '@hoanhap/contracts';
import { buildEnvelope, createPublisher, type KafkaClient } from '@hoanhap/events';
import { syntheticCohort, syntheticJob, syntheticLoanProducts } from '../services/matching/src/synthetic/synthetic-offers';
import { syntheticProfile, syntheticRestrictions } from '../services/matching/src/synthetic/synthetic-returnees';
import type { SyntheticWorld } from '../services/matching/src/synthetic/synthetic-world';

export interface Sizes {
  returnees: number;
  jobs: number;
  cohorts: number;
}

/** ARCHITECTURE §8: ~250,000 returnees, ~50,000 open jobs, ~5,000 courses. */
export const NATIONAL: Sizes = { returnees: 250_000, jobs: 50_000, cohorts: 5_000 };
export const SMALL: Sizes = { returnees: 12_000, jobs: 5_000, cohorts: 300 };

// ~1,000 messages of ≤ 1 kB per request stays under the broker's 1 MB record-batch limit per partition
const BATCH = 1_000;

/** Every event of the dataset, in the order a real system would have produced them. */
function* events(world: SyntheticWorld, sizes: Sizes): Generator<EventEnvelope> {
  const trace = { correlationId: 'bench-matching' };
  const envelope = <P>(definition: EventDefinition<P>, payload: P, key: string) => buildEnvelope({ definition, payload }, key, trace) as EventEnvelope;
  for (const product of syntheticLoanProducts()) yield envelope(loanProductPublishedV1, product, product.productCode);
  for (let i = 0; i < sizes.jobs; i++) {
    const job = syntheticJob(world, i);
    yield envelope(jobPostedV1, job, job.jobId);
  }
  for (let i = 0; i < sizes.cohorts; i++) {
    const cohort = syntheticCohort(world, i);
    yield envelope(cohortPublishedV1, cohort, cohort.cohortId);
  }
  for (let i = 0; i < sizes.returnees; i++) {
    const profile = syntheticProfile(world, i);
    yield envelope(profilePublishedV1, profile, profile.returneeId);
    yield envelope(restrictionsPublishedV1, syntheticRestrictions(world, i), profile.returneeId);
  }
}

export function eventCount(sizes: Sizes): number {
  return syntheticLoanProducts().length + sizes.jobs + sizes.cohorts + 2 * sizes.returnees;
}

/** Publishes the dataset; resolves with the count and how long building and sending took. */
export async function publishDataset(kafka: KafkaClient, topicPrefix: string, world: SyntheticWorld, sizes: Sizes, progress: (sent: number) => void): Promise<{ events: number; seconds: number }> {
  const publisher = createPublisher({ kafka, topicPrefix });
  await publisher.connect();
  const started = Date.now();
  let batch: EventEnvelope[] = [];
  let sent = 0;
  try {
    for (const e of events(world, sizes)) {
      batch.push(e);
      if (batch.length < BATCH) continue;
      await publisher.sendEnvelopes(batch);
      sent += batch.length;
      batch = [];
      if (sent % 50_000 === 0) progress(sent);
    }
    await publisher.sendEnvelopes(batch);
    sent += batch.length;
  } finally {
    await publisher.disconnect();
  }
  return { events: sent, seconds: (Date.now() - started) / 1000 };
}
