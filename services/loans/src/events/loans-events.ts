import { randomUUID } from 'node:crypto';
import type { Connection } from 'mongoose';
import {
  loanApplicationStatusChangedV1,
  loanProductPublishedV1,
  profilePublishedV1,
  referralCreatedV1,
  referralWithdrawnV1,
} from '@hoanhap/contracts';
import {
  createConsumerRunner,
  createOutboxRelay,
  createPublisher,
  ensureTopics,
  processedEventsCollection,
  type EventsLogger,
  type KafkaClient,
} from '@hoanhap/events';
import type { LoansContext } from '../domain/loans.context';
import { productEvents } from '../domain/list-products.use-case';
import type { LoansApplicationRepository } from '../store/application.repository';
import { referralCreatedConsumer } from './consumers/referral-created.consumer';
import { referralWithdrawnConsumer } from './consumers/referral-withdrawn.consumer';
import { returneeProfileConsumer } from './consumers/returnee-profile.consumer';

export interface LoansEventsOptions {
  kafka: KafkaClient;
  topicPrefix: string;
  numPartitions: number;
  replicationFactor: number;
  /** Consumer group; one for the service (tests add their namespace). */
  groupId: string;
  connection: Connection;
  logger?: EventsLogger;
}

/** The topics loans writes and reads. */
export const LOANS_TOPICS = [loanApplicationStatusChangedV1, loanProductPublishedV1, profilePublishedV1, referralCreatedV1, referralWithdrawnV1];

/**
 * Kafka for loans: the outbox relay publishing application events, the consumer of cases' events, and the
 * products published at start (their latest state; matching keeps the newest per productCode).
 */
export function loansEvents(ctx: LoansContext, applications: LoansApplicationRepository, options: LoansEventsOptions) {
  const { kafka } = options;
  const publisher = createPublisher({ kafka, topicPrefix: options.topicPrefix });
  const relay = createOutboxRelay({ store: applications.store, publisher, logger: options.logger });
  const consumer = createConsumerRunner({
    kafka,
    groupId: options.groupId,
    topicPrefix: options.topicPrefix,
    handlers: [returneeProfileConsumer(ctx), referralCreatedConsumer(ctx), referralWithdrawnConsumer(ctx)],
    processedEvents: processedEventsCollection(options.connection),
    logger: options.logger,
  });
  return {
    kafka,
    publisher,
    async start(): Promise<void> {
      await ensureTopics(kafka, LOANS_TOPICS, { numPartitions: options.numPartitions, replicationFactor: options.replicationFactor, topicPrefix: options.topicPrefix });
      await publisher.connect();
      relay.start();
      await consumer.start();
      await publishProducts();
    },
    async stop(): Promise<void> {
      await consumer.stop();
      await relay.stop();
      await publisher.disconnect();
    },
    publishProducts,
  };

  async function publishProducts(): Promise<void> {
    const correlationId = randomUUID();
    for (const payload of productEvents(ctx)) {
      await publisher.publish(loanProductPublishedV1, payload, payload.productCode, { correlationId });
    }
  }
}

export type LoansEvents = ReturnType<typeof loansEvents>;
