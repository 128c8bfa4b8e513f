/**
 * Outbox → consumer latency and throughput of @hoanhap/events on the real servers.
 * Run: npx tsx bench/outbox-latency.ts   (servers up: npm run infra:up)
 * Env: BENCH_RATE (events/s, default 200), BENCH_SECONDS (default 20), BENCH_BACKLOG (default 3000).
 *
 * 1. steady load: one change (a new aggregate, one event) every 1/rate s through
 *    AggregateStore.change, the relay woken in-process, a consumer in the same process;
 *    latency from the committed write to the consumer's handler, and from the call.
 * 2. max throughput: a backlog written with the relay stopped, then drained; and
 *    changes as fast as 32 concurrent callers go, end to end.
 * 3. replay of everything above by a fresh consumer group.
 */
import { loadavg, cpus } from 'node:os';
import { performance } from 'node:perf_hooks';
import { writeJson } from './bench-json';
import { createOutboxBench, type Probe } from './outbox-bench-fixture';
import { quantile } from './quantile';

const RATE = Number(process.env.BENCH_RATE ?? 200);
const SECONDS = Number(process.env.BENCH_SECONDS ?? 20);
const BACKLOG = Number(process.env.BENCH_BACKLOG ?? 3000);

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));
const pct = (sorted: number[], p: number) => quantile(sorted, p / 100);
const ms = (v: number) => `${v.toFixed(1)} ms`;
/** What `--json <file>` writes for bench/all.ts. */
const figures: Record<string, number> = { rate: RATE, seconds: SECONDS };
const quantiles = (values: number[]) => {
  const sorted = [...values].sort((a, b) => a - b);
  return { p50: pct(sorted, 50), p99: pct(sorted, 99), max: sorted.at(-1) ?? NaN };
};

function summary(label: string, values: number[]): string {
  const sorted = [...values].sort((a, b) => a - b);
  return `| ${label.padEnd(38)} | ${ms(pct(sorted, 50)).padStart(9)} | ${ms(pct(sorted, 95)).padStart(9)} | ${ms(pct(sorted, 99)).padStart(9)} | ${ms(sorted.at(-1) ?? NaN).padStart(9)} |`;
}

async function steadyLoad(bench: Awaited<ReturnType<typeof createOutboxBench>>): Promise<void> {
  const total = RATE * SECONDS;
  const sinceCall: number[] = [];
  const sinceCommit: number[] = [];
  const committedAt = new Map<number, number>();
  bench.onProbe = (probe: Probe, receivedAt: number) => {
    sinceCall.push(receivedAt - probe.t0);
    const committed = committedAt.get(probe.seq);
    if (committed !== undefined) sinceCommit.push(receivedAt - committed);
  };
  const writes: Promise<void>[] = [];
  const started = performance.now();
  for (let seq = 0; seq < total; seq++) {
    const due = started + (seq * 1000) / RATE;
    const wait = due - performance.now();
    if (wait > 1) await sleep(wait);
    writes.push(bench.change(seq).then(() => void committedAt.set(seq, performance.now())));
  }
  await Promise.all(writes);
  const achieved = (total * 1000) / (performance.now() - started);
  await bench.consumed(total);
  console.log(`\nSteady load: ${total} events at ${RATE}/s requested, ${achieved.toFixed(0)}/s achieved (${SECONDS} s)\n`);
  console.log('| latency                                |       p50 |       p95 |       p99 |       max |');
  console.log('|----------------------------------------|-----------|-----------|-----------|-----------|');
  console.log(summary('committed write → consumer handler', sinceCommit));
  console.log(summary('change() called → consumer handler', sinceCall));
  const commit = quantiles(sinceCommit);
  const call = quantiles(sinceCall);
  Object.assign(figures, { achieved, commitP50: commit.p50, commitP99: commit.p99, callP50: call.p50, callP99: call.p99 });
  bench.onProbe = undefined;
}

async function throughput(bench: Awaited<ReturnType<typeof createOutboxBench>>): Promise<void> {
  console.log(`\nThroughput\n`);
  console.log(`| measure                                                   |   events/s |`);
  console.log(`|-----------------------------------------------------------|------------|`);
  const row = (label: string, value: number, key?: string) => {
    if (key) figures[key] = value;
    console.log(`| ${label.padEnd(57)} | ${value.toFixed(0).padStart(10)} |`);
  };

  // hot path: use cases as fast as 32 concurrent callers go, relay woken by each commit
  const burst = bench.received;
  let seq = 1_000_000;
  let sent = 0;
  let started = performance.now();
  const until = started + 10_000;
  await Promise.all(
    Array.from({ length: 32 }, async () => {
      while (performance.now() < until) {
        await bench.change(seq++);
        sent++;
      }
    }),
  );
  await bench.consumed(burst + sent);
  row('change() → consumer, 32 concurrent callers, 10 s', (sent * 1000) / (performance.now() - started), 'burstEventsPerSecond');

  // recovery path: a backlog written while the relay is down, drained by a relay started afterwards
  await bench.relay.stop();
  started = performance.now();
  await bench.backlog(BACKLOG);
  row(`backlog of ${BACKLOG} written by use cases, relay stopped`, (BACKLOG * 1000) / (performance.now() - started));
  const base = bench.received;
  started = performance.now();
  bench.relay.start();
  await bench.consumed(base + BACKLOG);
  row(`relay restarted, draining that backlog to the consumer`, (BACKLOG * 1000) / (performance.now() - started), 'drainEventsPerSecond');

  const replayed = await bench.replayAll();
  row(`replay of all ${replayed.events} events by a fresh group`, replayed.eventsPerSecond, 'replayEventsPerSecond');
}

async function main(): Promise<void> {
  console.log(
    `outbox bench: ${cpus().length} cores, load average ${loadavg()
      .map((l) => l.toFixed(2))
      .join(' ')}`,
  );
  const bench = await createOutboxBench();
  try {
    await steadyLoad(bench);
    await throughput(bench);
  } finally {
    await bench.close();
  }
  writeJson(figures);
  console.log(
    `\nload average after: ${loadavg()
      .map((l) => l.toFixed(2))
      .join(' ')}`,
  );
}

main().catch((error: unknown) => {
  console.error(error);
  process.exit(1);
});
