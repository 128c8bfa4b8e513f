import type { Cause, OutgoingEvent } from '../domain/colleges.context';

/**
 * Where the provisional writer hands the events of a write. Provisional: until
 * packages/events' aggregate store (events embedded in the same document write)
 * is wired in, events are handed over right after the write.
 */
export interface Outbox {
  written(events: OutgoingEvent[], cause: Cause): Promise<void>;
}

export const noOutbox: Outbox = { written: async () => undefined };
