/**
 * @hoanhap/events — the only package that imports kafkajs (ARCHITECTURE §5, §7).
 * Publisher, outbox (aggregate store + relay), consumer runner with retries,
 * dead letters and dedupe, replay.
 */
export { createKafka, type KafkaClient, type KafkaClientOptions } from './kafka/kafka-client';
export { ensureTopics, deleteTopicsByPrefix, type TopicOptions } from './kafka/topics';
export { deleteGroupsByPrefix, seedConsumerGroup, type StartOffsets } from './kafka/consumer-groups';
export { EventsError, type EventsErrorCode } from './errors';
export { defaultLogger, type EventsLogger } from './logger';
export { validateEnvelope, validatePayload, validateEvent } from './publish/event-validator';
export { buildEnvelope, newEvent, causedBy, type NewEvent, type EventTrace } from './publish/envelope-factory';
export { createPublisher, toMessage, type Publisher, type PublisherOptions } from './publish/publisher';
export {
  createAggregateStore,
  type AggregateStore,
  type AggregateStoreOptions,
  type Change,
  type ChangeOptions,
} from './outbox/aggregate-store';
export type { AggregateDocument } from './outbox/aggregate-document';
export { isSqliteBusy, retryWhileBusy } from './outbox/store-busy';
export type { LockRedis } from './outbox/redis-lock';
export { createAggregateLocks, type AggregateLocks, type Lease } from './outbox/aggregate-locks';
export type { OutboxMarker } from './outbox/outbox-ledger';
export { createOutboxRelay, type OutboxRelay, type OutboxRelayOptions, type RelayStats } from './outbox/outbox-relay';
export { onEvent, type EventHandler, type HandlerContext, type MessageOutcome } from './consume/event-handler';
export { createConsumerRunner, type ConsumerRunner, type ConsumerRunnerOptions, type ConsumerStats } from './consume/consumer-runner';
export { defaultIsRetryable } from './consume/message-processor';
export { processedEventsCollection, type ProcessedEvent } from './consume/processed-events';
export { DLQ_HEADERS } from './consume/dead-letter';
export { replay, type ReplayOptions, type ReplayResult } from './consume/replay';
export { createServiceMessaging, type MessagingWiring, type ServiceMessaging, type ServiceMessagingOptions } from './service-messaging';
