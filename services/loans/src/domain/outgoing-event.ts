import type { EventDefinition } from '@hoanhap/contracts';

/**
 * An event a use case decides to publish, written in the same single-document write as the change that
 * causes it (the outbox); the relay publishes it. Same shape as packages/events' NewEvent, so domain code
 * never imports the Kafka side.
 */
export interface OutgoingEvent<P = unknown> {
  definition: EventDefinition<P>;
  payload: P;
  key?: string;
}

/** Where a change comes from in a business flow (the request's correlation id, or the causing event). */
export interface Trace {
  correlationId: string;
  causationId?: string;
}
