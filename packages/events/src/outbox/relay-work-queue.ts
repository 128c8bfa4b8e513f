import type { OutboxMarker } from './outbox-ledger';
import type { WorkItem } from './relay-round';

/**
 * The aggregates a relay has to look at, one entry per aggregate, in arrival
 * order. Entries merge so that each round sees the most useful view:
 * a planned document read sees everything; otherwise the newest writer
 * snapshot holds every older pending entry of the aggregate.
 */
export class RelayWorkQueue {
  private readonly items = new Map<string, WorkItem>();

  get size(): number {
    return this.items.size;
  }

  add(item: WorkItem): void {
    const known = this.items.get(item.id);
    if (!known) this.items.set(item.id, item);
    // `seq` orders snapshots: a re-queued older one must not replace a newer one
    else if (item.snapshot) this.items.set(item.id, known.snapshot && (known.seq ?? 0) < (item.seq ?? 0) ? item : known);
    // a poll adds nothing to a snapshot (no aggregate read needed) but its markers serve the stale check
    else this.items.set(item.id, { ...known, polled: item.polled ?? known.polled });
  }

  /** Polled markers, one work item per aggregate. */
  addPolled(markers: OutboxMarker[]): void {
    const byAggregate = new Map<string, OutboxMarker[]>();
    for (const marker of markers) byAggregate.set(marker.aggregateId, [...(byAggregate.get(marker.aggregateId) ?? []), marker]);
    for (const [id, polled] of byAggregate) this.add({ id, polled });
  }

  /** Removes and returns up to `count` items, oldest first. */
  take(count: number): WorkItem[] {
    const taken = [...this.items.values()].slice(0, count);
    for (const item of taken) this.items.delete(item.id);
    return taken;
  }
}
