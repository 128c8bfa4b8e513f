import type { EventDefinition, EventEnvelope } from '@hoanhap/contracts';
import { createConsumerRunner, onEvent, type ConsumerRunner } from '../../src';
import type { TestInfra } from './test-infra';

/** A consumer that keeps every envelope it receives, in arrival order. */
export interface Collector<P> {
  received: EventEnvelope<P>[];
  runner: ConsumerRunner;
}

export async function startCollector<P>(infra: TestInfra, definition: EventDefinition<P>, group: string): Promise<Collector<P>> {
  const received: EventEnvelope<P>[] = [];
  const runner = createConsumerRunner({
    kafka: infra.kafka,
    groupId: `${infra.ns.topicPrefix}${group}`,
    topicPrefix: infra.ns.topicPrefix,
    handlers: [onEvent(definition, async (envelope) => void received.push(envelope))],
    partitionsConsumedConcurrently: 3,
    logger: infra.logger,
  });
  await runner.start();
  return { received, runner };
}

/** Messages in a topic, all partitions together (high watermarks). */
export async function messagesIn(infra: TestInfra, topic: string): Promise<number> {
  const admin = infra.kafka.admin();
  await admin.connect();
  try {
    const offsets = await admin.fetchTopicOffsets(`${infra.ns.topicPrefix}${topic}`);
    return offsets.reduce((sum, p) => sum + Number(p.high), 0);
  } finally {
    await admin.disconnect();
  }
}
