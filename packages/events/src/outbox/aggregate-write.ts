import type { mongo } from 'mongoose';
import type { EventEnvelope } from '@hoanhap/contracts';
import { EventsError } from '../errors';
import { buildEnvelope, type EventTrace, type NewEvent } from '../publish/envelope-factory';
import { assertNoReservedFields, type AggregateDocument } from './aggregate-document';
import type { Lease } from './aggregate-locks';
import type { OutboxLedger } from './outbox-ledger';
import { retryWhileBusy } from './store-busy';

export interface WriteDeps {
  collection: mongo.Collection<AggregateDocument>;
  ledger: OutboxLedger;
  staleMarkerMs: number;
  appliedWindow: number;
}

export interface AggregateWrite<S> {
  id: string;
  lease: Lease;
  /** The stored document, or null to insert a new one. */
  doc: AggregateDocument | null;
  next: S;
  events: NewEvent[];
  options: Partial<EventTrace> & { applyOnce?: string };
}

/**
 * The one document write of a change: the new state, the events not yet
 * published (older pending ones kept, published ones dropped) and the applied
 * event ids, all in a single insert or replace. The new events' markers are
 * inserted first, so that a crash after the write leaves them discoverable.
 * Returns the outbox as written when it holds new events (for the relay).
 */
export async function writeAggregate<S>(deps: WriteDeps, write: AggregateWrite<S>): Promise<EventEnvelope[] | undefined> {
  const { id, lease, doc, next, events, options } = write;
  assertNoReservedFields(next);
  const trace = { correlationId: options.correlationId ?? '', causationId: options.causationId };
  const fresh = events.map((event) => buildEnvelope(event, id, trace));
  const outbox = [...(await deps.ledger.stillPending(doc?._outbox ?? [])), ...fresh];
  const applied = doc?._applied ?? [];
  const markedAt = Date.now();
  await deps.ledger.addMarkers(
    id,
    fresh.map((e) => e.eventId),
  );
  // Past either limit another instance may own the aggregate, or a relay may already
  // have judged our markers stale: write nothing (the markers are dropped later).
  if (!lease.stillHeld() || Date.now() - markedAt > deps.staleMarkerMs / 2) {
    throw new EventsError('EVENTS.LOCK_EXPIRED', `change of ${id} took too long; nothing was written`, undefined, true);
  }
  const body = {
    ...next,
    _outbox: outbox,
    _applied: options.applyOnce ? [...applied, options.applyOnce].slice(-deps.appliedWindow) : applied,
  };
  // SQLITE_BUSY wrote nothing: the same write again (a duplicate _id on insert still reaches the caller)
  if (doc) await retryWhileBusy(() => deps.collection.replaceOne({ _id: id }, body));
  else await retryWhileBusy(() => deps.collection.insertOne({ _id: id, ...body }));
  return fresh.length > 0 ? outbox : undefined;
}
