import type { EventDefinition, EventEnvelope } from '@hoanhap/contracts';
import { createConsumerRunner, onEvent, type ConsumerRunner } from '@hoanhap/events';
import type { Harness } from './loans-harness';

/** Reads topics from the real Kafka, from the beginning, as cases or matching would. */
export async function tapEvents(h: Harness, definitions: EventDefinition<unknown>[]): Promise<{ seen: EventEnvelope[]; stop(): Promise<void> }> {
  const seen: EventEnvelope[] = [];
  const runner: ConsumerRunner = createConsumerRunner({
    kafka: h.kafka,
    groupId: `${h.ns.topicPrefix}tap`,
    topicPrefix: h.ns.topicPrefix,
    handlers: definitions.map((definition) => onEvent(definition, async (envelope) => void seen.push(envelope))),
  });
  await runner.start();
  return { seen, stop: () => runner.stop() };
}
