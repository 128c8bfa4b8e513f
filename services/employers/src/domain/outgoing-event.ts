import type { EventDefinition } from '@hoanhap/contracts';

/**
 * An event a use case decides to publish. The repository writes it in the
 * same document write as the change that caused it (the outbox of
 * @hoanhap/events), and the relay publishes it: domain code never talks to Kafka.
 */
export interface OutgoingEvent<P = unknown> {
  definition: EventDefinition<P>;
  payload: P;
  /** Kafka key; the aggregate id unless given. */
  key?: string;
}

/** Pairs a payload with its definition so the compiler checks the payload's type. */
export const outgoing = <P>(definition: EventDefinition<P>, payload: P, key?: string): OutgoingEvent =>
  (key === undefined ? { definition, payload } : { definition, payload, key }) as OutgoingEvent;

/** Where a change comes from: the request's correlation id, or the event that caused it. */
export interface Trace {
  correlationId: string;
  causationId?: string;
}

/** A change of one aggregate: its whole next state and the events it causes. */
export interface Changed<S> {
  next: S;
  events?: OutgoingEvent[];
}
