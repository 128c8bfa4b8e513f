import type { Connection } from 'mongoose';
import {
  applicationStatusChangedV1,
  employmentCheckedV1,
  invitationDecidedV1,
  invitationRequestedV1,
  jobPostedV1,
  jobUpdatedV1,
  profilePublishedV1,
  referralCreatedV1,
  referralWithdrawnV1,
} from '@hoanhap/contracts';
import {
  type AggregateStore,
  createConsumerRunner,
  createOutboxRelay,
  createPublisher,
  ensureTopics,
  type EventsLogger,
  type KafkaClient,
  processedEventsCollection,
} from '@hoanhap/events';
import type { EmployersContext } from '../domain/employers.context';
import { invitationDecidedConsumer } from './consumers/invitation-decided.consumer';
import { profilePublishedConsumer } from './consumers/profile-published.consumer';
import { referralCreatedConsumer } from './consumers/referral-created.consumer';
import { referralWithdrawnConsumer } from './consumers/referral-withdrawn.consumer';

export const PRODUCED = [jobPostedV1, jobUpdatedV1, applicationStatusChangedV1, employmentCheckedV1, invitationRequestedV1];
export const CONSUMED = [referralCreatedV1, referralWithdrawnV1, profilePublishedV1, invitationDecidedV1];

export interface EventsWiring {
  kafka: KafkaClient;
  connection: Connection;
  topicPrefix: string;
  /** The consumer group (tests use their own). */
  groupId?: string;
  partitions: number;
  replication: number;
  logger?: EventsLogger;
}

/**
 * The service's Kafka side: topics it produces and consumes exist, one outbox
 * relay per aggregate store publishes committed events, one consumer group
 * handles the cases events (validated, deduped, retried, dead-lettered).
 */
export function employersEvents(ctx: EmployersContext, outboxStores: AggregateStore<object>[], wiring: EventsWiring) {
  const { kafka, topicPrefix, logger } = wiring;
  const publisher = createPublisher({ kafka, topicPrefix });
  const relays = outboxStores.map((store) => createOutboxRelay({ store, publisher, logger }));
  const consumer = createConsumerRunner({
    kafka,
    groupId: wiring.groupId ?? `${topicPrefix}employers`,
    topicPrefix,
    handlers: [referralCreatedConsumer(ctx), referralWithdrawnConsumer(ctx), profilePublishedConsumer(ctx), invitationDecidedConsumer(ctx)],
    processedEvents: processedEventsCollection(wiring.connection),
    // profiles and referrals are independent: one slow partition must not hold the others
    partitionsConsumedConcurrently: 3,
    logger,
  });
  return {
    async start() {
      await ensureTopics(kafka, [...PRODUCED, ...CONSUMED], {
        numPartitions: wiring.partitions,
        replicationFactor: wiring.replication,
        topicPrefix,
      });
      await publisher.connect();
      for (const relay of relays) relay.start();
      await consumer.start();
    },
    async stop() {
      await consumer.stop();
      for (const relay of relays) await relay.stop();
      await publisher.disconnect();
    },
  };
}
