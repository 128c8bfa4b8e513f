import type { Connection } from 'mongoose';
import { invitationDecidedV1, profilePublishedV1, referralCreatedV1, referralWithdrawnV1 } from '@hoanhap/contracts';
import { type AggregateStore, createServiceMessaging, type EventsLogger, type KafkaClient } from '@hoanhap/events';
import type { EmployersContext } from '../domain/employers.context';
import { invitationDecidedConsumer } from './consumers/invitation-decided.consumer';
import { profilePublishedConsumer } from './consumers/profile-published.consumer';
import { referralCreatedConsumer } from './consumers/referral-created.consumer';
import { referralWithdrawnConsumer } from './consumers/referral-withdrawn.consumer';

/** What the consumers below handle (the matching benchmark skips these topics' backlog for employers' group). */
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
  return createServiceMessaging({
    kafka: wiring.kafka,
    connection: wiring.connection,
    topicPrefix: wiring.topicPrefix,
    service: 'employers',
    ...(wiring.groupId && { groupId: wiring.groupId }),
    numPartitions: wiring.partitions,
    replicationFactor: wiring.replication,
    handlers: [referralCreatedConsumer(ctx), referralWithdrawnConsumer(ctx), profilePublishedConsumer(ctx), invitationDecidedConsumer(ctx)],
    outboxStores,
    // profiles and referrals are independent: one slow partition must not hold the others
    partitionsConsumedConcurrently: 3,
    ...(wiring.logger && { logger: wiring.logger }),
  });
}
