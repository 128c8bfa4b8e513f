import {
  createConsumerRunner,
  ensureTopics,
  processedEventsCollection,
  replay,
  type MessagingWiring,
  type ReplayResult,
} from '@hoanhap/events';
import type { ReportsStore } from '../domain/reports.context';
import { reportFactConsumers } from './consumers/report-facts.consumer';

/** The consumer group defaults to `<topicPrefix>reports`. */
export type MessagingOptions = MessagingWiring;

/**
 * Topics and the consumer group. One message at a time (`partitionsConsumedConcurrently: 1`): a returnee's
 * place is written by one consumer, serially, so facts and places never race inside one instance.
 */
export async function startMessaging(store: ReportsStore, options: MessagingOptions): Promise<{ stop(): Promise<void> }> {
  const { kafka, topicPrefix = '' } = options;
  const handlers = reportFactConsumers(store);
  await ensureTopics(
    kafka,
    handlers.map((h) => h.definition),
    { numPartitions: options.numPartitions ?? 3, replicationFactor: options.replicationFactor ?? 1, topicPrefix },
  );
  const runner = createConsumerRunner({
    kafka,
    groupId: options.groupId ?? `${topicPrefix}reports`,
    handlers,
    topicPrefix,
    // a fast filter only; the guarantee is the facts' natural ids (a crash between effect and record repeats nothing)
    processedEvents: processedEventsCollection(options.connection),
    ...(options.logger && { logger: options.logger }),
  });
  await runner.start();
  return { stop: () => runner.stop() };
}

/** Rebuild: empty the read model, then read every topic from the beginning with a fresh group. */
export async function rebuildReadModel(store: ReportsStore, options: MessagingOptions & { timeoutMs?: number }): Promise<ReplayResult> {
  await store.facts.clear();
  await store.places.clear();
  return replay({
    kafka: options.kafka,
    handlers: reportFactConsumers(store),
    topicPrefix: options.topicPrefix ?? '',
    groupBase: `${options.topicPrefix ?? ''}reports`,
    ...(options.timeoutMs && { timeoutMs: options.timeoutMs }),
    ...(options.logger && { logger: options.logger }),
  });
}
