import type { Consumer } from 'kafkajs';
import type { mongo } from 'mongoose';
import { seedConsumerGroup, type StartOffsets } from '../kafka/consumer-groups';
import type { KafkaClient } from '../kafka/kafka-client';
import { defaultLogger, type EventsLogger } from '../logger';
import { createPublisher } from '../publish/publisher';
import type { EventHandler, MessageOutcome } from './event-handler';
import { defaultIsRetryable, processMessage, type ProcessorDeps } from './message-processor';
import type { ProcessedEvent } from './processed-events';

export interface ConsumerRunnerOptions {
  kafka: KafkaClient;
  /** The consumer group: one per read model or reaction, e.g. `matching.jobs`. */
  groupId: string;
  handlers: readonly EventHandler[];
  topicPrefix?: string;
  /** Where a group without committed offsets starts (default true: read models want history). */
  fromBeginning?: boolean;
  /**
   * For a NEW group: the offset to start at per `<topic>:<partition>` (a read model restored from a snapshot
   * resumes where the snapshot ends); partitions not named start per `fromBeginning`. Applied once, before
   * the first start (a restart after a crash resumes from the group's commits).
   */
  startAt?: StartOffsets;
  /** Handler tries before dead-lettering (default 5). */
  maxAttempts?: number;
  /** First retry delay, doubled each time up to `maxRetryMs` (defaults 100 ms, 5 s). */
  retryMs?: number;
  maxRetryMs?: number;
  /** Which handler errors deserve another try (default: `retryable` flag, else 4xx other than 409/429 do not). */
  isRetryable?: (error: unknown) => boolean;
  /** Skip events already recorded as processed by this group (see `processedEventsCollection`). */
  processedEvents?: mongo.Collection<ProcessedEvent>;
  /** Partitions handled in parallel; order is kept within each (default 1). */
  partitionsConsumedConcurrently?: number;
  /** Longest fetch wait when there is nothing to read; bounds how long stop() waits (default 500 ms). */
  maxWaitTimeInMs?: number;
  /** Called after each message is settled (metrics, replay progress). */
  onSettled?: (settled: { topic: string; partition: number; offset: string; outcome: MessageOutcome }) => void;
  logger?: EventsLogger;
}

export interface ConsumerStats {
  handled: number;
  duplicates: number;
  deadLettered: number;
  retries: number;
  crashes: number;
  restarts: number;
}

export interface ConsumerRunner {
  /** Connects, joins the group and starts consuming. */
  start(): Promise<void>;
  /**
   * Graceful shutdown (wire it to SIGTERM): stops fetching, lets the message
   * in flight finish, commits its offset, leaves the group, disconnects.
   */
  stop(): Promise<void>;
  readonly stats: ConsumerStats;
}

/**
 * Creates a consumer that validates every message (envelope and payload),
 * dedupes, retries a failing handler a bounded number of times, then
 * dead-letters to `<topic>.dlq` and moves on. It restarts itself after a
 * kafkajs crash that kafkajs does not restart.
 */
export function createConsumerRunner(options: ConsumerRunnerOptions): ConsumerRunner {
  const { kafka, groupId } = options;
  const logger = options.logger ?? defaultLogger();
  const prefix = options.topicPrefix ?? '';
  const handlers = new Map(options.handlers.map((h) => [`${prefix}${h.definition.topic}`, h] as const));
  const deadLetters = createPublisher({ kafka });
  const stats: ConsumerStats = { handled: 0, duplicates: 0, deadLettered: 0, retries: 0, crashes: 0, restarts: 0 };
  const deps: ProcessorDeps = {
    groupId,
    handlers,
    deadLetters,
    maxAttempts: options.maxAttempts ?? 5,
    retryMs: options.retryMs ?? 100,
    maxRetryMs: options.maxRetryMs ?? 5_000,
    isRetryable: options.isRetryable ?? defaultIsRetryable,
    processedEvents: options.processedEvents,
    logger,
    onRetry: () => (stats.retries += 1),
  };
  let consumer: Consumer | undefined;
  let stopping = false;
  let restartDelayMs = 500;
  let seeded = false;

  async function launch(): Promise<void> {
    // a short long-poll: data still arrives at once (minBytes 1), and stop() waits at most this long
    const current = kafka.consumer({
      groupId,
      maxWaitTimeInMs: options.maxWaitTimeInMs ?? 500,
      // kafkajs restarts after some crashes and stays dead after others: we take every
      // restart ourselves, with a fresh consumer and backoff, so there is one path to trust
      retry: { restartOnFailure: async () => false },
    });
    consumer = current;
    current.on(current.events.CRASH, ({ payload }) => {
      stats.crashes += 1;
      logger.error({ err: payload.error, groupId }, 'consumer crashed; restarting from the last committed offset');
      if (!stopping && consumer === current) void relaunch(current);
    });
    await current.connect();
    await current.subscribe({ topics: [...handlers.keys()], fromBeginning: options.fromBeginning ?? true });
    await current.run({
      partitionsConsumedConcurrently: options.partitionsConsumedConcurrently ?? 1,
      eachMessage: async (payload) => {
        const outcome = await processMessage(deps, payload);
        restartDelayMs = 500;
        if (outcome === 'handled') stats.handled += 1;
        else if (outcome === 'duplicate') stats.duplicates += 1;
        else stats.deadLettered += 1;
        options.onSettled?.({ topic: payload.topic, partition: payload.partition, offset: payload.message.offset, outcome });
      },
    });
  }

  async function relaunch(crashed: Consumer): Promise<void> {
    await crashed.disconnect().catch(() => undefined);
    await new Promise((resolve) => setTimeout(resolve, restartDelayMs));
    restartDelayMs = Math.min(restartDelayMs * 2, 30_000);
    if (stopping) return;
    stats.restarts += 1;
    await launch().catch((error: unknown) => {
      logger.error({ err: error, groupId }, 'consumer restart failed; trying again');
      if (consumer && !stopping) void relaunch(consumer);
    });
  }

  return {
    async start() {
      stopping = false;
      if (options.startAt && options.startAt.size > 0 && !seeded) {
        await seedConsumerGroup(kafka, groupId, options.startAt);
        seeded = true;
      }
      await deadLetters.connect();
      await launch();
    },
    async stop() {
      stopping = true;
      // kafkajs' disconnect stops fetching, waits for the message in flight, commits, leaves the group
      await consumer?.disconnect();
      await deadLetters.disconnect();
    },
    stats,
  };
}
