import { eventCatalogue, type EventDefinition } from '@hoanhap/contracts';
import type { Connection } from 'mongoose';
import { createConsumerRunner } from './consume/consumer-runner';
import type { EventHandler } from './consume/event-handler';
import { processedEventsCollection } from './consume/processed-events';
import { ensureTopics } from './kafka/topics';
import type { KafkaClient } from './kafka/kafka-client';
import type { EventsLogger } from './logger';
import type { AggregateStore } from './outbox/aggregate-store';
import { createOutboxRelay } from './outbox/outbox-relay';
import { createPublisher, type Publisher } from './publish/publisher';

/** How a service is wired to Kafka: what its start.ts and its tests pass (the group defaults to `<topicPrefix><service>`). */
export interface MessagingWiring {
  kafka: KafkaClient;
  /** The service's database: where its consumer records the events it has processed. */
  connection: Connection;
  topicPrefix?: string;
  /** Partitions and replication of the topics ensured at start (defaults 3 and 1). */
  numPartitions?: number;
  replicationFactor?: number;
  /** The consumer group; tests pass their own. */
  groupId?: string;
  logger?: EventsLogger;
}

export interface ServiceMessagingOptions extends MessagingWiring {
  /** The service: its consumer group is `<topicPrefix><service>` unless `groupId` says otherwise. */
  service: string;
  /** The events it publishes, whose topics are ensured at start beside those of `handlers` (default: the catalogue's events of `service`). */
  produced?: readonly EventDefinition[];
  handlers: readonly EventHandler[];
  /** The aggregate stores whose outboxes are relayed to Kafka, one relay each. */
  outboxStores: readonly AggregateStore<object>[];
  /** Partitions handled at once by the consumer (default 1; order is kept within each). */
  partitionsConsumedConcurrently?: number;
  /** On stop, after the consumer has stopped and before the relays do (e.g. let queued writes finish, so their events go out). */
  beforeRelaysStop?: () => Promise<void>;
}

export interface ServiceMessaging {
  /** Connected between start and stop; for what a service publishes without an outbox. */
  publisher: Publisher;
  /** Ensures the topics, connects the publisher, starts the relays, then the consumer. */
  start(): Promise<void>;
  /** Consumer first (no new changes), then `beforeRelaysStop`, then the relays publish what is left, then disconnect. */
  stop(): Promise<void>;
}

/** A service's Kafka side: the topics it produces and consumes, its outbox relays, and its consumer group. */
export function createServiceMessaging(options: ServiceMessagingOptions): ServiceMessaging {
  const { kafka, topicPrefix = '', logger } = options;
  const publisher = createPublisher({ kafka, topicPrefix });
  const relays = options.outboxStores.map((store) => createOutboxRelay({ store, publisher, ...(logger && { logger }) }));
  const produced = options.produced ?? eventCatalogue.filter((d) => d.producer === options.service);
  const consumer = createConsumerRunner({
    kafka,
    groupId: options.groupId ?? `${topicPrefix}${options.service}`,
    topicPrefix,
    handlers: options.handlers,
    processedEvents: processedEventsCollection(options.connection),
    partitionsConsumedConcurrently: options.partitionsConsumedConcurrently ?? 1,
    ...(logger && { logger }),
  });
  return {
    publisher,
    async start() {
      await ensureTopics(kafka, [...produced, ...options.handlers.map((h) => h.definition)], {
        numPartitions: options.numPartitions ?? 3,
        replicationFactor: options.replicationFactor ?? 1,
        topicPrefix,
      });
      await publisher.connect();
      for (const relay of relays) relay.start();
      await consumer.start();
    },
    async stop() {
      await consumer.stop();
      await options.beforeRelaysStop?.();
      await Promise.all(relays.map((relay) => relay.stop()));
      await publisher.disconnect();
    },
  };
}
