import { Partitioners, type Message, type Producer } from 'kafkajs';
import type { EventDefinition, EventEnvelope } from '@hoanhap/contracts';
import type { KafkaClient } from '../kafka/kafka-client';
import { buildEnvelope, type EventTrace } from './envelope-factory';

export interface PublisherOptions {
  kafka: KafkaClient;
  /** Prepended to every topic (test isolation, shared clusters). */
  topicPrefix?: string;
}

/** Publishes envelopes with kafkajs' idempotent producer. */
export interface Publisher {
  connect(): Promise<void>;
  disconnect(): Promise<void>;
  /**
   * Validates and publishes one event straight away (no outbox: use it only
   * where losing the event on a crash is acceptable, or from the relay).
   */
  publish<P>(definition: EventDefinition<P>, payload: P, key: string, trace: EventTrace): Promise<EventEnvelope<P>>;
  /** Publishes envelopes in the given order (order is kept per key); resolves once all are acknowledged. */
  sendEnvelopes(envelopes: readonly EventEnvelope[]): Promise<void>;
  /** Sends raw messages to a full topic name (dead letters). */
  sendRaw(topic: string, messages: Message[]): Promise<void>;
  /** The Kafka topic of an envelope, with the prefix. */
  topicOf(envelope: Pick<EventEnvelope, 'type' | 'version'>): string;
}

/** The wire form of an envelope: key = aggregate id, value = JSON, a few headers for tooling. */
export function toMessage(envelope: EventEnvelope): Message {
  return {
    key: envelope.key,
    value: JSON.stringify(envelope),
    headers: { 'content-type': 'application/json', 'event-id': envelope.eventId, 'event-type': `${envelope.type}.v${envelope.version}` },
  };
}

/** Creates a publisher; call `connect()` at boot (sends also connect on first use). */
export function createPublisher(options: PublisherOptions): Publisher {
  const prefix = options.topicPrefix ?? '';
  // idempotent + one request in flight: retries cannot duplicate or reorder messages of a partition
  const producer: Producer = options.kafka.producer({
    idempotent: true,
    maxInFlightRequests: 1,
    allowAutoTopicCreation: false,
    createPartitioner: Partitioners.DefaultPartitioner,
  });
  let connecting: Promise<void> | undefined;
  const connect = () =>
    (connecting ??= producer.connect().catch((error: unknown) => {
      connecting = undefined;
      throw error;
    }));
  const topicOf = (e: Pick<EventEnvelope, 'type' | 'version'>) => `${prefix}${e.type}.v${e.version}`;

  async function sendEnvelopes(envelopes: readonly EventEnvelope[]): Promise<void> {
    if (envelopes.length === 0) return;
    await connect();
    const byTopic = new Map<string, Message[]>();
    for (const envelope of envelopes) {
      const topic = topicOf(envelope);
      const messages = byTopic.get(topic) ?? [];
      messages.push(toMessage(envelope));
      byTopic.set(topic, messages);
    }
    await producer.sendBatch({ acks: -1, topicMessages: [...byTopic].map(([topic, messages]) => ({ topic, messages })) });
  }

  return {
    connect,
    async disconnect() {
      if (connecting) await connecting.catch(() => undefined);
      connecting = undefined;
      await producer.disconnect();
    },
    async publish(definition, payload, key, trace) {
      const envelope = buildEnvelope({ definition, payload }, key, trace);
      await sendEnvelopes([envelope]);
      return envelope;
    },
    sendEnvelopes,
    async sendRaw(topic, messages) {
      await connect();
      await producer.send({ topic, acks: -1, messages });
    },
    topicOf,
  };
}
