import { randomUUID } from 'node:crypto';
import { eventCatalogue, type EventEnvelope } from '@hoanhap/contracts';
import { createConsumerRunner, onEvent, type KafkaClient } from '@hoanhap/events';
import { createLogger } from '@hoanhap/kit';
import { waitFor } from '@hoanhap/testing';

/** Everything this service publishes, as a consumer of every cases.* topic sees it (validated by the runner). */
export interface EventTap {
  events: EventEnvelope[];
  of(topic: string, key?: string): EventEnvelope<Record<string, unknown>>[];
  /** Waits for an event on `topic` (and `key`) that `match` accepts. */
  next(topic: string, match?: (payload: Record<string, unknown>) => boolean, key?: string): Promise<EventEnvelope<Record<string, unknown>>>;
  stop(): Promise<void>;
}

export async function startTap(kafka: KafkaClient, topicPrefix: string): Promise<EventTap> {
  const events: EventEnvelope[] = [];
  const definitions = eventCatalogue.filter((d) => d.producer === 'cases');
  const runner = createConsumerRunner({
    kafka,
    groupId: `${topicPrefix}tap-${randomUUID().slice(0, 8)}`,
    topicPrefix,
    handlers: definitions.map((definition) => onEvent(definition, async (envelope) => void events.push(envelope))),
    logger: createLogger({ name: 'tap', level: 'silent' }),
  });
  await runner.start();
  const of = (topic: string, key?: string) =>
    events.filter((e) => `${e.type}.v${e.version}` === topic && (key === undefined || e.key === key)) as EventEnvelope<
      Record<string, unknown>
    >[];
  return {
    events,
    of,
    next: (topic, match = () => true, key) => waitFor(`${topic} event`, () => of(topic, key).find((e) => match(e.payload)), 40_000),
    stop: () => runner.stop(),
  };
}
