import type { EachMessagePayload } from 'kafkajs';
import type { mongo } from 'mongoose';
import type { EventEnvelope } from '@hoanhap/contracts';
import { EventsError } from '../errors';
import type { EventsLogger } from '../logger';
import { validateEvent } from '../publish/event-validator';
import type { Publisher } from '../publish/publisher';
import { sendDeadLetter } from './dead-letter';
import type { EventHandler, MessageOutcome } from './event-handler';
import { alreadyProcessed, insertOnce, processedEventId, type ProcessedEvent } from './processed-events';

export interface ProcessorDeps {
  groupId: string;
  /** Full topic name (with prefix) → its handler. */
  handlers: Map<string, EventHandler>;
  deadLetters: Publisher;
  maxAttempts: number;
  retryMs: number;
  maxRetryMs: number;
  isRetryable(error: unknown): boolean;
  processedEvents?: mongo.Collection<ProcessedEvent>;
  logger: EventsLogger;
  onRetry(): void;
}

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

/** Retry unless the error says otherwise: `retryable: false`, or a 4xx other than 409/429 (the kit's rule). */
export function defaultIsRetryable(error: unknown): boolean {
  const e = error as { retryable?: unknown; httpStatus?: unknown } | null;
  if (typeof e?.retryable === 'boolean') return e.retryable;
  if (typeof e?.httpStatus === 'number') return e.httpStatus >= 500 || e.httpStatus === 409 || e.httpStatus === 429;
  return true;
}

function parse(handler: EventHandler | undefined, topic: string, value: Buffer | null): EventEnvelope {
  if (!handler) throw new EventsError('EVENTS.UNKNOWN_EVENT', `no handler for topic ${topic}`);
  let json: unknown;
  try {
    json = JSON.parse(value?.toString('utf8') ?? '');
  } catch {
    throw new EventsError('EVENTS.MALFORMED_MESSAGE', `message on ${topic} is not JSON`);
  }
  return validateEvent(handler.definition, json);
}

/**
 * Handles one message and never throws for the message's sake: an unreadable
 * message goes to the dead-letter topic at once (retrying cannot fix it); a
 * failing handler is retried with exponential backoff up to `maxAttempts`,
 * then dead-lettered. Either way the offset moves on, so there is no poison
 * loop. It throws only when the dead-letter topic cannot be written, and then
 * the offset must not move on.
 */
export async function processMessage(
  deps: ProcessorDeps,
  { topic, partition, message, heartbeat }: EachMessagePayload,
): Promise<MessageOutcome> {
  const handler = deps.handlers.get(topic);
  let envelope: EventEnvelope;
  try {
    envelope = parse(handler, topic, message.value);
  } catch (error) {
    deps.logger.warn({ err: error, topic, partition, offset: message.offset }, 'unreadable event sent to the dead-letter topic');
    await sendDeadLetter(deps.deadLetters, { topic, partition, message, groupId: deps.groupId, error, attempts: 0 });
    return 'dead-lettered';
  }
  if (deps.processedEvents && (await alreadyProcessed(deps.processedEvents, deps.groupId, envelope.eventId))) return 'duplicate';

  for (let attempt = 1; ; attempt++) {
    try {
      await handler!.handle(envelope, { topic, partition, offset: message.offset, attempt, heartbeat });
      break;
    } catch (error) {
      if (attempt >= deps.maxAttempts || !deps.isRetryable(error)) {
        deps.logger.warn(
          { err: error, topic, partition, offset: message.offset, eventId: envelope.eventId, attempt },
          'event handler failed; sent to the dead-letter topic',
        );
        await sendDeadLetter(deps.deadLetters, { topic, partition, message, groupId: deps.groupId, error, attempts: attempt });
        return 'dead-lettered';
      }
      deps.onRetry();
      await sleep(Math.min(deps.maxRetryMs, deps.retryMs * 2 ** (attempt - 1)));
      await heartbeat();
    }
  }
  if (deps.processedEvents) await insertOnce(deps.processedEvents, processedEventId(deps.groupId, envelope.eventId));
  return 'handled';
}
