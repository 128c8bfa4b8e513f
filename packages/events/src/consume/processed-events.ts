import type { Connection, mongo } from 'mongoose';

/** A record that a consumer group finished handling an event. */
export interface ProcessedEvent {
  _id: string; // `<groupId>|<eventId>`
  at: Date;
}

/**
 * The collection of processed-event records. Each record is a plain insert
 * guarded by the unique `_id` (atomic on FerretDB), written after the handler
 * succeeded; the runner skips an event that has one. It filters redeliveries
 * cheaply, but it is not written in the same write as the handler's effect, so
 * a crash between the two can repeat the effect: effects that must happen
 * exactly once use `AggregateStore.change(…, { applyOnce: eventId })`.
 */
export function processedEventsCollection(connection: Connection, name = 'processed_events'): mongo.Collection<ProcessedEvent> {
  return connection.collection<ProcessedEvent>(name);
}

export const processedEventId = (groupId: string, eventId: string) => `${groupId}|${eventId}`;

export const isDuplicateKey = (error: unknown) => (error as { code?: number } | null)?.code === 11000;
