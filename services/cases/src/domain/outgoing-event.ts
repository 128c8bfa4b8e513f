import type { EventDefinition } from '@hoanhap/contracts';

/**
 * An event a use case decides to publish, written in the same single-document write as the change it
 * describes (the outbox); the relay publishes it later. Same shape as packages/events' NewEvent.
 */
export interface OutgoingEvent<P = unknown> {
  definition: EventDefinition<P>;
  payload: P;
  key: string;
}
