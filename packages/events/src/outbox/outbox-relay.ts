import type { Publisher } from '../publish/publisher';
import { defaultLogger, type EventsLogger } from '../logger';
import type { AggregateStore } from './aggregate-store';
import { relayRound, type RoundDeps } from './relay-round';
import { RelayWorkQueue } from './relay-work-queue';

const FLUSH_MS = 250;

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
  const owedDeletes = new Set<string>();
  let running = false;
  let loop: Promise<void> | undefined;
  let nudge: (() => void) | undefined;
  let nextPoll = 0;
  let failures = 0;
  let lastFlush = 0;
  let commits = 0;
  let unsubscribe = () => {};

  const wake = () => nudge?.();
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

  async function poll(): Promise<void> {
    const limit = batchSize * 5;
    const markers = await store.outbox.ledger.oldestMarkers(limit, [...owedDeletes], new Date(Date.now() - pollGraceMs));
    work.addPolled(markers);
    nextPoll = markers.length >= limit ? 0 : Date.now() + pollIntervalMs;
  }

  async function flushDeletes(): Promise<void> {
    lastFlush = Date.now();
    if (owedDeletes.size === 0) return;
    const ids = [...owedDeletes];
    await store.outbox.ledger.deleteMarkers(ids);
    for (const id of ids) owedDeletes.delete(id);
  }

  async function round(): Promise<void> {
    const items = work.take(batchSize);
    try {
      const result = await relayRound(deps, items);
      stats.rounds += 1;
      stats.published += result.published.length;
      for (const id of result.done) owedDeletes.add(id);
      // another relay holds these: it sends what it saw, we look again shortly for the rest
      if (result.busy.length > 0)
        setTimeout(() => {
          result.busy.forEach((item) => work.add(item));
          wake();
        }, 20);
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
      try {
        if (Date.now() >= nextPoll) await poll();
        if (work.size > 0) await round();
        // deleting markers in bulk keeps FerretDB writes off the hot path; until then
        // the Redis sent flags stop anyone from sending those events again
        if (owedDeletes.size >= 500 || Date.now() - lastFlush >= FLUSH_MS) await flushDeletes();
        if (work.size === 0 && running) {
          const until = owedDeletes.size > 0 ? Math.min(nextPoll, lastFlush + FLUSH_MS) : nextPoll;
          await pause(Math.max(1, until - Date.now()));
        }
      } catch (error) {
        // the poll or the marker deletion failed (FerretDB away): nothing is lost, try later
        logger.warn({ err: error }, 'outbox relay poll failed; retrying');
        nextPoll = Date.now() + pollIntervalMs;
        await pause(pollIntervalMs);
      }
    }
  }

  return {
    start() {
      if (running) return;
      running = true;
      nextPoll = 0; // what was committed while stopped is found by a poll right away
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
      await flushDeletes().catch((error: unknown) => logger.warn({ err: error }, 'outbox relay could not delete markers at stop'));
    },
    wake() {
      nextPoll = 0;
      wake();
    },
    stats,
  };
}
