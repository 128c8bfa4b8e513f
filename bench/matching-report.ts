/** The matching benchmark's table: figures, targets and ratios, printed as Markdown for the README. */
import { writeJson } from './bench-json';
import type { Sizes } from './matching-dataset';
import type { FreshnessResult, LoadResult } from './matching-load';
import type { Status } from './matching-service';

export interface Report {
  small: boolean;
  date: string;
  sizes: Sizes;
  cores: number;
  loadBefore: number;
  loadAfter?: number;
  published?: { events: number; seconds: number };
  replay?: { events: number; seconds: number; fromSpawn: number; memory: { rss: number; peak: number } };
  status?: Status;
  jobs?: LoadResult;
  jobsScan?: LoadResult;
  candidates?: LoadResult;
  candidatesScan?: LoadResult;
  afterLoad?: { rss: number; peak: number; heapUsed: number };
  /** Jobs POSTed at the gateway (employers, its outbox, Kafka, matching): the figure the target names. */
  freshness?: FreshnessResult;
  /** The same probe with the event published straight to Kafka: matching's own share. */
  freshnessKafka?: FreshnessResult;
  restart?: { stopSeconds: number; startSeconds: number; restoredFrom: string | null; eventsReplayed: number; memory: { rss: number; peak: number } };
  /** The same process without its front thread (MATCHING_FRONT_THREAD=false), the same load. */
  oneThread?: { jobs: LoadResult; candidates: LoadResult };
  /** The same service as replicas on this host (MATCHING_WORKERS), the same load. */
  replicas?: { count: number; replay: { seconds: number; rss: number }; jobs: LoadResult; candidates: LoadResult; rss: number; peak: number };
  /** Time spent matching inside the service, per kind (from its /status). */
  inService?: Status['matchTimings'];
  rows: string[][];
}

const n = (value: number) => Math.round(value).toLocaleString('en-US');
const x = (ratio: number) => `${ratio.toFixed(ratio >= 10 ? 0 : 1)}×`;
const lat = (r: LoadResult) =>
  `p50 ${r.p50} ms, p90 ${r.p90} ms, p97.5 ${r.p97_5} ms, p99 ${r.p99} ms, p99.9 ${r.p99_9} ms, max ${r.max} ms; ${n(r.rps)} req/s; ${n(r.cpuUs)} µs service CPU/req, ${n(r.clientCpuUs)} µs load-generator CPU/req; ${r.timeouts} timed out`;

export function printReport(r: Report): void {
  writeJson(r); // for npm run bench (bench/all.ts), when run with --json <file>
  const rows: string[][] = [];
  const s = r.status;
  rows.push([
    'dataset (through Kafka)',
    'national: 250k returnees, 50k open jobs, 5k cohorts, 34 provinces',
    `${n(r.sizes.returnees)} returnees (${n(s?.returnees.withProfile ?? 0)} with matching consent, ${n(s?.returnees.discoverable ?? 0)} discoverable, ${n(s?.returnees.withRestrictions ?? 0)} with restrictions), ${n(s?.jobs.open ?? 0)} open jobs, ${n(s?.cohorts.open ?? 0)} open cohorts`,
    r.small ? 'SMALL — not the target' : x(r.sizes.returnees / 250_000),
  ]);
  if (r.published) rows.push(['publish (batch producer, validated envelopes)', '—', `${n(r.published.events)} events in ${r.published.seconds.toFixed(1)} s = ${n(r.published.events / r.published.seconds)} ev/s`, '—']);
  if (r.replay) {
    const rate = r.replay.events / r.replay.seconds;
    rows.push(['replay: model rebuilt from Kafka by the service', '≥ 5,000 ev/s', `${n(rate)} ev/s (${r.replay.seconds.toFixed(1)} s; ${r.replay.fromSpawn.toFixed(1)} s from process spawn)`, `${x(rate / 5_000)} target`]);
  }
  const inside = (kind: string) => {
    const t = r.inService?.[kind];
    return t ? `matching itself (search, exclusions, reasons; no HTTP, no queue): p50 ${t.p50} ms, p99 ${t.p99} ms, max ${t.max} ms over the last ${n(t.count)} answers` : 'n/a';
  };
  const versus = (kind: string) => {
    const fast = r.inService?.[kind];
    const slow = r.inService?.[`${kind}-scan`];
    return fast && slow ? [['  ↳ inside the service: index vs full scan', '—', `p50 ${fast.p50} ms vs ${slow.p50} ms, p99 ${fast.p99} ms vs ${slow.p99} ms`, `${x(slow.p50 / Math.max(0.01, fast.p50))} faster (p50)`]] : [];
  };
  const within = (kind: string, limitMs: number) => {
    const t = r.inService?.[kind];
    return t ? `${x(limitMs / Math.max(0.01, t.p99))} under ${limitMs} ms` : '—';
  };
  if (r.jobs && r.jobsScan) {
    rows.push(['top-20 jobs for a returnee, 100 concurrent, indexes (end to end over HTTP)', 'p99 ≤ 25 ms', lat(r.jobs), `${x(25 / Math.max(1, r.jobs.p99))} target`]);
    rows.push(['  ↳ time inside the service, same load', 'p99 ≤ 25 ms', inside('jobs'), within('jobs', 25)]);
    rows.push(['same, full-scan baseline (same rules, same run)', '—', lat(r.jobsScan), `index ${x(r.jobs.rps / r.jobsScan.rps)} req/s, ${x(r.jobsScan.cpuUs / r.jobs.cpuUs)} less CPU/req`]);
    rows.push(...versus('jobs'));
  }
  if (r.candidates && r.candidatesScan) {
    rows.push(['top-20 candidates for a job, 100 concurrent, indexes (end to end over HTTP)', 'p99 ≤ 50 ms', lat(r.candidates), `${x(50 / Math.max(1, r.candidates.p99))} target`]);
    rows.push(['  ↳ time inside the service, same load', 'p99 ≤ 50 ms', inside('candidates'), within('candidates', 50)]);
    rows.push(['same, full-scan baseline (10 concurrent)', '—', lat(r.candidatesScan), `index ${x(r.candidates.rps / r.candidatesScan.rps)} req/s, ${x(r.candidatesScan.cpuUs / r.candidates.cpuUs)} less CPU/req`]);
    rows.push(...versus('candidates'));
  }
  if (r.freshness) {
    const f = r.freshness;
    rows.push([
      'freshness: job POSTed at the gateway (Idempotency-Key) → employers → outbox → Kafka → matching → visible in matches',
      'p50 ≤ 100 ms, p99 ≤ 500 ms at 50 posts/s',
      `${f.posts} posts at 50/s: p50 ${f.p50} ms, p99 ${f.p99} ms, max ${f.max} ms from just before the POST (the POST's 201: p50 ${f.postP50} ms, p99 ${f.postP99} ms; after the 201: p50 ${f.ackedP50} ms, p99 ${f.ackedP99} ms); ${f.failed} POSTs not answered in time (5xx), ${f.missing} not seen in 5 s, ${f.notInTop20} seen but not in the top 20`,
      `${x(100 / Math.max(1, f.p50))} / ${x(500 / Math.max(1, f.p99))} target`,
    ]);
  }
  if (r.freshnessKafka) {
    const k = r.freshnessKafka;
    const share = r.freshness ? `gateway + employers + outbox ≈ ${r.freshness.p50 - k.p50} ms of the p50` : '—';
    rows.push([
      '  ↳ breakdown: the same probe publishing employers.job.posted.v1 to Kafka directly (consumer + model only)',
      '—',
      `${k.posts} posts at 50/s: p50 ${k.p50} ms, p99 ${k.p99} ms, max ${k.max} ms from the publish call (Kafka's ack: p50 ${k.postP50} ms, p99 ${k.postP99} ms; after the ack: p50 ${k.ackedP50} ms, p99 ${k.ackedP99} ms); ${k.missing} not seen in 5 s, ${k.notInTop20} seen but not in the top 20`,
      share,
    ]);
  }
  if (r.replay && r.afterLoad) {
    rows.push(['memory (RSS of the service, --max-old-space-size=640 --max-semi-space-size=64)', '≤ 1 GB', `${n(r.replay.memory.rss)} MB after replay (JS heap in use ${n((r.status?.heapUsedBytes ?? 0) / 2 ** 20)} MB), ${n(r.afterLoad.rss)} MB after load (heap ${n(r.afterLoad.heapUsed)} MB), peak ${n(r.afterLoad.peak)} MB`, `${x(1024 / Math.max(1, r.afterLoad.peak))} under`]);
  }
  if (r.restart && r.replay) {
    rows.push([
      'restart: SIGTERM (last snapshot) then start from it',
      'no full replay',
      `stop ${r.restart.stopSeconds.toFixed(1)} s, ready in ${r.restart.startSeconds.toFixed(1)} s, ${n(r.restart.eventsReplayed)} events re-read, RSS ${n(r.restart.memory.rss)} MB`,
      `${x(r.replay.fromSpawn / Math.max(0.1, r.restart.startSeconds))} faster than a full replay`,
    ]);
  }
  const versusService = (result: LoadResult, one: LoadResult | undefined) =>
    one ? `${x(result.rps / Math.max(1, one.rps))} req/s, p50 ${x(one.p50 / Math.max(1, result.p50))} lower, p99 ${one.p99} → ${result.p99} ms` : '—';
  if (r.oneThread) {
    // a comparison beside the rows above (the service as deployed: a front thread for the connections)
    for (const [what, result, front] of [
      ['top-20 jobs', r.oneThread.jobs, r.jobs],
      ['top-20 candidates', r.oneThread.candidates, r.candidates],
    ] as const) {
      rows.push([`the same process with one thread for everything (MATCHING_FRONT_THREAD=false): ${what}, 100 concurrent`, '(comparison)', lat(result), `front thread vs one thread: ${front ? versusService(front, result) : '—'}`]);
    }
  }
  const rep = r.replicas;
  if (rep) {
    const title = `${rep.count} replicas on the same ${r.cores} cores (MATCHING_WORKERS=${rep.count}, each its own model from Kafka)`;
    // a comparison beside the one-process rows above, which carry the verdicts (as in bench/RESULTS.md)
    for (const [what, result, one] of [
      ['top-20 jobs', rep.jobs, r.jobs],
      ['top-20 candidates', rep.candidates, r.candidates],
    ] as const) {
      rows.push([`${title}: ${what}, 100 concurrent (end to end over HTTP)`, '(comparison)', lat(result), versusService(result, one)]);
    }
    rows.push([`memory, ${rep.count} replicas together`, '(comparison)', `${n(rep.replay.rss)} MB after replay (${rep.replay.seconds.toFixed(1)} s from spawn, both at once), ${n(rep.rss)} MB after load, peaks ${n(rep.peak)} MB`, `${x(rep.peak / Math.max(1, r.afterLoad?.peak ?? rep.peak))} one process's peak`]);
  }
  console.log(`\n### Matching benchmark — ${r.date.slice(0, 10)}${r.small ? ' — SMALL SMOKE RUN, NOT THE TARGET' : ''}\n`);
  console.log(`${r.cores} cores shared with Kafka, FerretDB, Redis and other work (load average ${r.loadBefore.toFixed(1)} before, ${r.loadAfter?.toFixed(1) ?? '?'} after).\n`);
  console.log('| measure | target | result | ratio |\n|---|---|---|---|');
  for (const row of rows) console.log(`| ${row.join(' | ')} |`);
}
