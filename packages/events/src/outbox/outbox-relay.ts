import type { Publisher } from '../publish/publisher';
import { defaultLogger, type EventsLogger } from '../logger';
import type { AggregateStore } from './aggregate-store';
import { relayRound, type RoundDeps } from './relay-round';
import { RelayWorkQueue } from './relay-work-queue';
import { MarkerHousekeeping } from './marker-housekeeping';

export interface OutboxRelayOptions {
  store: AggregateStore<object>;
  publisher: Publisher;
  /** Fallback poll of the markers: other instances' writes, crash recovery (default 1 s). */
  pollIntervalMs?: number;
  /**
   * The poll ignores markers younger than this (default 1 s): their writer's own relay,
   * woken at commit, is publishing them; others step in only when it did not.
   */
  pollGraceMs?: number;
  /** Aggregates per round (default 100). */
  batchSize?: number;
  /** First wait after a failed round, doubled up to `maxRetryMs` (defaults 100 ms, 10 s). */
  retryMs?: number;
  maxRetryMs?: number;
  logger?: EventsLogger;
}

export interface RelayStats {
  published: number;
  rounds: number;
  failedRounds: number;
}

/** Publishes the events committed through an aggregate store. */
export interface OutboxRelay {
  start(): void;
  /** Finishes the round in progress, deletes the markers it owes, stops. */
  stop(): Promise<void>;
  /** Look at the markers now instead of at the next poll. */
  wake(): void;
  readonly stats: RelayStats;
}

/**
 * Creates a relay. A local commit wakes it at once with the committed outbox
 * (no polling delay on the hot path); a poll of the markers is the fallback.
 * Any number of relays may run: per-aggregate relay locks and Redis "sent"
 * flags keep each event to one send in normal operation, and the markers,
 * deleted only after Kafka acknowledged, mean a crash loses nothing.
 */
export function createOutboxRelay(options: OutboxRelayOptions): OutboxRelay {
  const { store, publisher } = options;
  const logger = options.logger ?? defaultLogger();
  const pollIntervalMs = options.pollIntervalMs ?? 1_000;
  const batchSize = options.batchSize ?? 100;
  const pollGraceMs = options.pollGraceMs ?? 1_000;
  const deps: RoundDeps = {
    ledger: store.outbox.ledger,
    collection: store.collection,
    publisher,
    staleMarkerMs: store.outbox.staleMarkerMs,
  };
  const stats: RelayStats = { published: 0, rounds: 0, failedRounds: 0 };
  const work = new RelayWorkQueue();
  let nudge: (() => void) | undefined;
  const wake = () => nudge?.();
  const chores = new MarkerHousekeeping(store.outbox.ledger, work, {
    pollIntervalMs,
    pollGraceMs,
    pollLimit: batchSize * 5,
    onWork: wake,
    logger,
  });
  let running = false;
  let loop: Promise<void> | undefined;
  let failures = 0;
  let commits = 0;
  let unsubscribe = () => {};

  const pause = (ms: number) =>
    new Promise<void>((resolve) => {
      const timer = setTimeout(done, ms);
      function done() {
        clearTimeout(timer);
        nudge = undefined;
        resolve();
      }
      nudge = done;
    });

  async function round(): Promise<void> {
    const items = work.take(batchSize);
    try {
      const result = await relayRound(deps, items);
      stats.rounds += 1;
      stats.published += result.published.length;
      chores.owe(result.done);
      // another relay holds these: it sends what it saw, we look again shortly for the rest
      if (result.busy.length > 0) {
        setTimeout(() => {
          result.busy.forEach((item) => work.add(item));
          wake();
        }, 20);
      }
      failures = 0;
    } catch (error) {
      for (const item of items) work.add(item);
      stats.failedRounds += 1;
      failures += 1;
      const retryMs = Math.min(options.maxRetryMs ?? 10_000, (options.retryMs ?? 100) * 2 ** (failures - 1));
      logger.warn({ err: error, retryMs, aggregates: items.length }, 'outbox relay round failed; retrying');
      await pause(retryMs);
    }
  }

  async function run(): Promise<void> {
    while (running) {
      chores.tick();
      if (work.size > 0) await round();
      else await pause(chores.dueIn());
    }
  }

  return {
    start() {
      if (running) return;
      running = true;
      chores.pollNow(); // what was committed while stopped is found right away
      unsubscribe = store.outbox.onCommit((id, snapshot) => {
        work.add({ id, snapshot, seq: ++commits });
        wake();
      });
      loop = run();
    },
    async stop() {
      running = false;
      unsubscribe();
      wake();
      await loop;
      await chores.drain();
    },
    wake() {
      chores.pollNow();
      wake();
    },
    stats,
  };
}
