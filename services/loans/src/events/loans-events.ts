import { randomUUID } from 'node:crypto';
import type { Connection } from 'mongoose';
import { loanProductPublishedV1 } from '@hoanhap/contracts';
import { createServiceMessaging, type EventsLogger, type KafkaClient } from '@hoanhap/events';
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

/**
 * Kafka for loans: the outbox relay publishing application events, the consumer of cases' events, and the
 * products published at start (their latest state; matching keeps the newest per productCode).
 */
export function loansEvents(ctx: LoansContext, applications: LoansApplicationRepository, options: LoansEventsOptions) {
  const messaging = createServiceMessaging({
    ...options,
    service: 'loans',
    handlers: [returneeProfileConsumer(ctx), referralCreatedConsumer(ctx), referralWithdrawnConsumer(ctx)],
    outboxStores: [applications.store],
  });
  const { publisher } = messaging;
  return {
    kafka: options.kafka,
    publisher,
    async start(): Promise<void> {
      await messaging.start();
      await publishProducts();
    },
    stop: () => messaging.stop(),
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
