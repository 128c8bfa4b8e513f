import type { EventDefinition, EventEnvelope } from '@hoanhap/contracts';

/** Where a message came from, and the means to stay in the group during a long handler. */
export interface HandlerContext {
  topic: string;
  partition: number;
  offset: string;
  /** 1 on the first try, then 2, 3… up to the runner's `maxAttempts`. */
  attempt: number;
  heartbeat(): Promise<void>;
}

/** Handles one event type and version; the envelope and payload are already validated. */
export interface EventHandler<P = unknown> {
  definition: EventDefinition<P>;
  // method syntax on purpose: handlers of different payloads fit in one list
  handle(envelope: EventEnvelope<P>, context: HandlerContext): Promise<void>;
}

/** Pairs a definition with its handler so that the compiler knows the payload type. */
export function onEvent<P>(
  definition: EventDefinition<P>,
  handle: (envelope: EventEnvelope<P>, context: HandlerContext) => Promise<void>,
): EventHandler<P> {
  return { definition, handle };
}

/** What happened to one message. */
export type MessageOutcome = 'handled' | 'duplicate' | 'dead-lettered';
