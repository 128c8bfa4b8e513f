import type { EventsLogger } from '../logger';
import type { OutboxLedger } from './outbox-ledger';
import type { RelayWorkQueue } from './relay-work-queue';

const FLUSH_MS = 250;
const FLUSH_AT = 500;

export interface HousekeepingOptions {
  pollIntervalMs: number;
  pollGraceMs: number;
  pollLimit: number;
  /** Called when a chore ends: work may have been queued, the next due time has moved. */
  onWork(): void;
  logger: EventsLogger;
}

/**
 * The relay's FerretDB chores, kept off its hot path: deleting the markers of
 * sent events in bulk, and polling the markers for events nobody signalled
 * (other instances, crash recovery). Each runs in the background, one at a
 * time; until a marker is deleted, its Redis sent flag keeps it from being
 * sent again.
 */
export class MarkerHousekeeping {
  private readonly owed = new Set<string>();
  private nextPoll = 0;
  private lastFlush = 0;
  private polling: Promise<void> | undefined;
  private flushing: Promise<void> | undefined;

  constructor(
    private readonly ledger: OutboxLedger,
    private readonly work: RelayWorkQueue,
    private readonly options: HousekeepingOptions,
  ) {}

  /** Markers to delete: sent events, stale markers. */
  owe(eventIds: string[]): void {
    for (const id of eventIds) this.owed.add(id);
  }

  pollNow(): void {
    this.nextPoll = 0;
  }

  /** Starts whichever chore is due and not already running. */
  tick(): void {
    const now = Date.now();
    if (!this.polling && now >= this.nextPoll) this.polling = this.poll().finally(() => this.done(() => (this.polling = undefined)));
    const flushDue = this.owed.size >= FLUSH_AT || (this.owed.size > 0 && now - this.lastFlush >= FLUSH_MS);
    if (!this.flushing && flushDue) this.flushing = this.flush().finally(() => this.done(() => (this.flushing = undefined)));
  }

  /** Milliseconds until a chore is due; one in flight is not due (its end wakes the relay). */
  dueIn(): number {
    const pollAt = this.polling ? Infinity : this.nextPoll;
    const flushAt = this.owed.size > 0 && !this.flushing ? this.lastFlush + FLUSH_MS : Infinity;
    return Math.min(60_000, Math.max(1, Math.min(pollAt, flushAt) - Date.now()));
  }

  private done(clear: () => void): void {
    clear();
    this.options.onWork();
  }

  /** Waits for the chores in flight, then deletes what is still owed. */
  async drain(): Promise<void> {
    await Promise.all([this.polling, this.flushing]);
    await this.flush();
  }

  private async poll(): Promise<void> {
    const { pollLimit, pollGraceMs, pollIntervalMs } = this.options;
    try {
      const found = await this.ledger.oldestMarkers(pollLimit, [...this.owed], new Date(Date.now() - pollGraceMs));
      // a round may have sent some of these while the query ran
      const markers = found.filter((m) => !this.owed.has(m._id));
      this.work.addPolled(markers);
      this.nextPoll = found.length >= pollLimit ? 0 : Date.now() + pollIntervalMs;
    } catch (error) {
      this.options.logger.warn({ err: error }, 'outbox relay poll failed; retrying');
      this.nextPoll = Date.now() + pollIntervalMs;
    }
  }

  private async flush(): Promise<void> {
    this.lastFlush = Date.now();
    if (this.owed.size === 0) return;
    const ids = [...this.owed];
    try {
      await this.ledger.deleteMarkers(ids);
      for (const id of ids) this.owed.delete(id);
    } catch (error) {
      this.options.logger.warn({ err: error }, 'outbox relay could not delete markers; retrying');
    }
  }
}
