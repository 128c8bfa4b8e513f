import type { Connection } from 'mongoose';
import { eventCatalogue } from '@hoanhap/contracts';
import {
  createConsumerRunner,
  createOutboxRelay,
  createPublisher,
  ensureTopics,
  type EventHandler,
  type EventsLogger,
  type KafkaClient,
  processedEventsCollection,
} from '@hoanhap/events';
import type { Colleges } from '../app';
import type { CollegesContext } from '../domain/colleges.context';
import { profilePublishedConsumer } from './consumers/profile-published.consumer';
import { referralCreatedConsumer } from './consumers/referral-created.consumer';
import { referralWithdrawnConsumer } from './consumers/referral-withdrawn.consumer';

export interface MessagingOptions {
  kafka: KafkaClient;
  connection: Connection;
  topicPrefix?: string;
  numPartitions?: number;
  replicationFactor?: number;
  /** The consumer group (`colleges`); tests pass their own. */
  groupId?: string;
  logger?: EventsLogger;
}

export interface Messaging {
  stop(): Promise<void>;
}

/** Every event this service reacts to. */
export const consumers = (ctx: CollegesContext): EventHandler[] =>
  [profilePublishedConsumer(ctx), referralCreatedConsumer(ctx), referralWithdrawnConsumer(ctx)] as EventHandler[];

/**
 * Topics, the outbox relays of the three aggregate stores (cohorts, enrolments, certificates) and the
 * consumer group. On shutdown: consumers first (no new changes), queued writes, then the relays publish
 * what is left.
 */
export async function startMessaging(colleges: Colleges, options: MessagingOptions): Promise<Messaging> {
  const { kafka, topicPrefix = '' } = options;
  const handlers = consumers(colleges.ctx);
  const produced = eventCatalogue.filter((d) => d.producer === 'colleges');
  await ensureTopics(kafka, [...produced, ...handlers.map((h) => h.definition)], {
    numPartitions: options.numPartitions ?? 3,
    replicationFactor: options.replicationFactor ?? 1,
    topicPrefix,
  });
  const publisher = createPublisher({ kafka, topicPrefix });
  await publisher.connect();
  const { cohorts, enrolments, certificates } = colleges.stores;
  const relays = [cohorts, enrolments, certificates].map((store) =>
    createOutboxRelay({ store: store as never, publisher, ...(options.logger && { logger: options.logger }) }),
  );
  relays.forEach((relay) => relay.start());
  const runner = createConsumerRunner({
    kafka,
    groupId: options.groupId ?? `${topicPrefix}colleges`,
    handlers,
    topicPrefix,
    processedEvents: processedEventsCollection(options.connection),
    // partitions in parallel (order is kept per key); seats stay safe however many referrals race
    partitionsConsumedConcurrently: options.numPartitions ?? 3,
    ...(options.logger && { logger: options.logger }),
  });
  await runner.start();
  return {
    stop: async () => {
      await runner.stop();
      await colleges.drain();
      await Promise.all(relays.map((relay) => relay.stop()));
      await publisher.disconnect();
    },
  };
}
