import { randomUUID } from 'node:crypto';
import type { EventDefinition, EventEnvelope } from '@hoanhap/contracts';
import { EventsError } from '../errors';
import { validatePayload } from './event-validator';

/** Where an event comes from in a business flow; passed in by the caller. */
export interface EventTrace {
  /** Shared by every request and event of one flow (the request's correlation id). */
  correlationId: string;
  /** The event or request that directly caused this one. */
  causationId?: string;
}

/** An event a use case wants published: its definition, payload and (optional) key. */
export interface NewEvent<P = unknown> {
  definition: EventDefinition<P>;
  payload: P;
  /** Kafka key; defaults to the aggregate id. */
  key?: string;
}

/** Pairs a payload with its definition so that the compiler checks the payload type. */
export function newEvent<P>(definition: EventDefinition<P>, payload: P, key?: string): NewEvent<P> {
  return key === undefined ? { definition, payload } : { definition, payload, key };
}

/** The trace for an event caused by `cause`: same correlation, causation = its eventId. */
export function causedBy(cause: Pick<EventEnvelope, 'eventId' | 'correlationId'>): EventTrace {
  return { correlationId: cause.correlationId, causationId: cause.eventId };
}

/**
 * Validates the payload against its schema and wraps it in an envelope with
 * a fresh eventId. Throws `EVENTS.INVALID_PAYLOAD`, so a bad event fails the
 * use case that made it instead of sitting in an outbox.
 */
export function buildEnvelope<P>(event: NewEvent<P>, key: string, trace: EventTrace): EventEnvelope<P> {
  if (!trace.correlationId) throw new EventsError('EVENTS.CORRELATION_REQUIRED', `${event.definition.topic}: correlationId is required`);
  const payload = validatePayload(event.definition, event.payload);
  return {
    eventId: randomUUID(),
    type: event.definition.type,
    version: event.definition.version,
    occurredAt: new Date().toISOString(),
    producer: event.definition.producer,
    correlationId: trace.correlationId,
    ...(trace.causationId ? { causationId: trace.causationId } : {}),
    key: event.key ?? key,
    payload,
  };
}
