import type { mongo } from 'mongoose';
import type { EventEnvelope } from '@hoanhap/contracts';
import type { Publisher } from '../publish/publisher';
import type { AggregateDocument } from './aggregate-document';
import type { OutboxLedger, OutboxMarker } from './outbox-ledger';

/**
 * What the relay knows about an aggregate with pending events: the outbox as
 * its writer committed it (signal from this process), or the markers a poll
 * found, in which case the round reads the document (other instances' writes,
 * crash recovery).
 */
export type WorkItem = { id: string; snapshot?: EventEnvelope[]; seq?: number; polled?: OutboxMarker[] };

export interface RoundResult {
  published: string[];
  /** Markers to delete: published events and stale markers of dead writers. */
  done: string[];
  /** Aggregates another relay holds right now. */
  busy: WorkItem[];
}

export interface RoundDeps {
  ledger: OutboxLedger;
  collection: mongo.Collection<AggregateDocument>;
  publisher: Publisher;
  staleMarkerMs: number;
}

type Candidates = { entries: EventEnvelope[]; known: Set<string>; stale: string[] };

/**
 * The entries that may be pending, and which of them are known to have had a
 * marker: every entry of a writer's snapshot (it checked the older ones when
 * it wrote), the polled markers' entries for a document read.
 */
async function candidatesOf(deps: RoundDeps, item: WorkItem, flagged: Set<string>): Promise<Candidates> {
  if (item.snapshot) return { entries: item.snapshot, known: new Set(item.snapshot.map((e) => e.eventId)), stale: [] };
  const polled = item.polled ?? [];
  // markers of events already sent (a relay died before deleting them): no document read,
  // which matters on FerretDB 1.x where every read scans the collection
  if (polled.every((m) => flagged.has(m._id))) return { entries: [], known: new Set(), stale: [] };
  const doc = await deps.collection.findOne({ _id: item.id }, { projection: { _outbox: 1 } });
  const entries = doc?._outbox ?? [];
  const inDoc = new Set(entries.map((e) => e.eventId));
  // a marker whose event never reached its aggregate belongs to a writer that died between
  // the marker insert and the document write; the age rules out one still writing
  const stale = polled.filter((m) => !inDoc.has(m._id) && Date.now() - m.at.getTime() > deps.staleMarkerMs).map((m) => m._id);
  return { entries, known: new Set(polled.map((m) => m._id)), stale };
}

/** In outbox order, the candidates not yet sent: Redis flags first, a marker read for the unknown rest. */
async function pendingOf(deps: RoundDeps, all: Candidates[]): Promise<{ pending: EventEnvelope[]; sent: Set<string> }> {
  const sent = await deps.ledger.relay.sentIds(all.flatMap((c) => c.entries.map((e) => e.eventId)));
  const unknown = all.flatMap((c) => c.entries.filter((e) => !sent.has(e.eventId) && !c.known.has(e.eventId)).map((e) => e.eventId));
  const open = await deps.ledger.openMarkers(unknown);
  const pending = all.flatMap((c) => c.entries.filter((e) => !sent.has(e.eventId) && (c.known.has(e.eventId) || open.has(e.eventId))));
  return { pending, sent };
}

/**
 * One relay round over a few aggregates: lock each (skip those another relay
 * holds), find their unpublished events in outbox order, send them in one
 * batch, and flag them as sent in Redis as the locks are released, so
 * the next relay to lock the aggregate does not send them again. The markers
 * are deleted later, in bulk, by the caller.
 */
export async function relayRound(deps: RoundDeps, items: WorkItem[]): Promise<RoundResult> {
  const { token, held: heldIds } = await deps.ledger.relay.lock(items.map((item) => item.id));
  const locked = new Set(heldIds);
  const held = items.filter((item) => locked.has(item.id));
  const busy = items.filter((item) => !locked.has(item.id));
  let published: string[] = [];
  try {
    const flagged = await deps.ledger.relay.sentIds(held.flatMap((item) => (item.polled ?? []).map((m) => m._id)));
    const candidates = await Promise.all(held.map((item) => candidatesOf(deps, item, flagged)));
    const { pending, sent } = await pendingOf(deps, candidates);
    for (const id of flagged) sent.add(id);
    await deps.publisher.sendEnvelopes(pending);
    published = pending.map((e) => e.eventId);
    // polled markers of events sent earlier belong to a relay that stopped before deleting them
    const orphans = held.flatMap((item) => (item.polled ?? []).filter((m) => sent.has(m._id)).map((m) => m._id));
    return { published, done: [...published, ...orphans, ...candidates.flatMap((c) => c.stale)], busy };
  } finally {
    // flags before the locks go, in one script: the next relay to lock an aggregate sees them
    await deps.ledger.relay.flagAndUnlock(token, heldIds, published);
  }
}
