import {
  certificateIssuedV1,
  cohortPublishedV1,
  jobPostedV1,
  jobUpdatedV1,
  loanProductPublishedV1,
  profilePublishedV1,
  restrictionsPublishedV1,
  returneeTransferredV1,
} from '@hoanhap/contracts';
import { createConsumerRunner, deleteGroupsByPrefix, ensureTopics, type ConsumerRunner, type EventHandler, type KafkaClient } from '@hoanhap/events';
import type { Logger } from '@hoanhap/kit';
import type { MatchingModel } from '../domain/model/matching-model';
import { certificateIssuedConsumer } from './consumers/certificate-issued.consumer';
import { cohortPublishedConsumer } from './consumers/cohort-published.consumer';
import { jobPostedConsumer, jobUpdatedConsumer } from './consumers/job-posted.consumer';
import { loanProductPublishedConsumer } from './consumers/loan-product-published.consumer';
import { profilePublishedConsumer } from './consumers/profile-published.consumer';
import { restrictionsPublishedConsumer } from './consumers/restrictions-published.consumer';
import { returneeTransferredConsumer } from './consumers/returnee-transferred.consumer';

/** The events matching's read model is built from (EVENTS.md). */
export const MATCHING_EVENTS = [
  profilePublishedV1,
  restrictionsPublishedV1,
  returneeTransferredV1,
  jobPostedV1,
  jobUpdatedV1,
  cohortPublishedV1,
  certificateIssuedV1,
  loanProductPublishedV1,
];

export function matchingHandlers(model: MatchingModel): EventHandler[] {
  return [
    profilePublishedConsumer(model),
    restrictionsPublishedConsumer(model),
    returneeTransferredConsumer(model),
    jobPostedConsumer(model),
    jobUpdatedConsumer(model),
    cohortPublishedConsumer(model),
    certificateIssuedConsumer(model),
    loanProductPublishedConsumer(model),
  ] as EventHandler[];
}

export interface MatchingConsumerOptions {
  kafka: KafkaClient;
  model: MatchingModel;
  /** Stable per instance: every instance holds the whole model, so each reads every partition itself. */
  instanceId: string;
  topicPrefix: string;
  numPartitions: number;
  replicationFactor: number;
  logger: Logger;
}

/**
 * Starts consuming into the model. Each boot uses a fresh consumer group seeded with the offsets of the
 * snapshot the model was restored from (none: from the beginning), so the model never misses nor
 * double-counts an event whatever an earlier process committed. Handlers apply events in memory.
 */
export async function startMatchingConsumer(options: MatchingConsumerOptions): Promise<ConsumerRunner & { groupId: string }> {
  const { kafka, model, topicPrefix, logger } = options;
  await ensureTopics(kafka, MATCHING_EVENTS, { numPartitions: options.numPartitions, replicationFactor: options.replicationFactor, topicPrefix });
  const groupPrefix = `${topicPrefix}matching.${options.instanceId}.`;
  const groupId = `${groupPrefix}${Date.now().toString(36)}`;
  const runner = createConsumerRunner({
    kafka,
    groupId,
    handlers: matchingHandlers(model),
    topicPrefix,
    fromBeginning: true,
    // a model restored from a snapshot resumes where the snapshot ends (a copy: the model's own map moves on)
    startAt: new Map(model.offsets),
    maxAttempts: 3,
    partitionsConsumedConcurrently: options.numPartitions,
    maxWaitTimeInMs: 100,
    logger,
  });
  await runner.start();
  // this instance's groups of earlier boots (best effort: a group still in use stays)
  deleteGroupsByPrefix(kafka, groupPrefix, groupId).catch((error: unknown) => logger.warn({ err: error }, 'could not delete earlier consumer groups'));
  return Object.assign(runner, { groupId });
}
