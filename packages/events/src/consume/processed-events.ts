import type { Connection, mongo } from 'mongoose';

/** A record that a consumer group started (`…|claim`) or finished handling an event. */
export interface ProcessedEvent {
  _id: string; // `<groupId>|<eventId>` when done, `<groupId>|<eventId>|claim` when started
  at: Date;
}

/**
 * The collection of processed-event records. A handler run is bracketed by
 * two inserts guarded by the unique `_id` (atomic on FerretDB): a claim
 * before, a done record after. A new event costs two inserts and no read;
 * only when the claim already exists (a redelivery) is the done record read,
 * and the event skipped if it is there. Reads matter because every FerretDB
 * 1.x read scans the collection, and this one only grows.
 *
 * It filters redeliveries, but it is not written in the same write as the
 * handler's effect, so a crash between the two repeats the effect: effects
 * that must happen exactly once use `AggregateStore.change(…, { applyOnce: eventId })`.
 */
export function processedEventsCollection(connection: Connection, name = 'processed_events'): mongo.Collection<ProcessedEvent> {
  return connection.collection<ProcessedEvent>(name);
}

export const processedEventId = (groupId: string, eventId: string) => `${groupId}|${eventId}`;

export const isDuplicateKey = (error: unknown) => (error as { code?: number } | null)?.code === 11000;

/** Inserts a record; false when it already existed. */
export async function insertOnce(collection: mongo.Collection<ProcessedEvent>, _id: string): Promise<boolean> {
  try {
    await collection.insertOne({ _id, at: new Date() });
    return true;
  } catch (error) {
    if (isDuplicateKey(error)) return false;
    throw error;
  }
}

/** True when this group already finished the event; claims it otherwise. */
export async function alreadyProcessed(collection: mongo.Collection<ProcessedEvent>, groupId: string, eventId: string): Promise<boolean> {
  const done = processedEventId(groupId, eventId);
  if (await insertOnce(collection, `${done}|claim`)) return false;
  // claimed before: finished, or a run that crashed (or still runs elsewhere, mid-rebalance)
  return (await collection.findOne({ _id: done }, { projection: { _id: 1 } })) !== null;
}
