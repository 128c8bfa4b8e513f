import type { EventDefinition, EventEnvelope } from '@hoanhap/contracts';
import { certificateIssuedV1, cohortPublishedV1, enrolmentStatusChangedV1 } from '@hoanhap/contracts';
import { type ConsumerRunner, createConsumerRunner, createKafka, createPublisher, deleteTopicsByPrefix, type KafkaClient, onEvent, type Publisher } from '@hoanhap/events';
import { createLogger } from '@hoanhap/kit';
import { type Messaging, startMessaging } from '../../src/events/messaging';
import type { Harness } from './colleges-harness';

/** The service's messaging on real Kafka under this file's topic prefix, a publisher playing cases, and a probe reading what colleges publishes. */
export interface KafkaHarness {
  kafka: KafkaClient;
  /** Publishes an event as cases would (validated against its schema). */
  publish<P>(definition: EventDefinition<P>, payload: P, key: string): Promise<EventEnvelope<P>>;
  /** Every colleges.* event the probe consumed so far, by topic. */
  received: Map<string, EventEnvelope[]>;
  stop(): Promise<void>;
}

const PRODUCED = [cohortPublishedV1, enrolmentStatusChangedV1, certificateIssuedV1];

export async function startKafka(h: Harness): Promise<KafkaHarness> {
  const logger = createLogger({ name: 'colleges-kafka-test', level: 'silent' });
  const kafka = createKafka({ brokers: h.ns.kafkaBrokers, clientId: 'colleges-test', logger });
  const topicPrefix = h.ns.topicPrefix;
  const messaging: Messaging = await startMessaging(h.colleges, { kafka, connection: h.connection, topicPrefix, numPartitions: 3, logger });
  const publisher: Publisher = createPublisher({ kafka, topicPrefix });
  await publisher.connect();
  const received = new Map<string, EventEnvelope[]>(PRODUCED.map((d) => [d.topic, []]));
  const probe: ConsumerRunner = createConsumerRunner({
    kafka,
    groupId: `${topicPrefix}probe`,
    topicPrefix,
    handlers: PRODUCED.map((definition) => onEvent(definition as EventDefinition, async (envelope) => void received.get(definition.topic)!.push(envelope))),
    partitionsConsumedConcurrently: 3,
    logger,
  });
  await probe.start();
  return {
    kafka,
    publish: (definition, payload, key) => publisher.publish(definition, payload, key, { correlationId: `test-${key}` }),
    received,
    stop: async () => {
      await probe.stop();
      await messaging.stop();
      await publisher.disconnect();
      await deleteTopicsByPrefix(kafka, topicPrefix).catch(() => undefined);
    },
  };
}
