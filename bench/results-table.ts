/**
 * The figures of one `npm run bench` run against the targets of ARCHITECTURE §8, as Markdown rows:
 * measure, target, result, ratio to the target, and whether it is met.
 */
/* eslint-disable @typescript-eslint/no-explicit-any -- each bench's JSON is read loosely; a missing figure shows as n/a */

export interface Row {
  bench: string;
  measure: string;
  target: string;
  result: string;
  ratio: string;
  /** true met, false not met, undefined: no target (context) or not measured. */
  met?: boolean;
}

const n = (v: number) => (Number.isFinite(v) ? Math.round(v).toLocaleString('en-US') : 'n/a');
const ms = (v: number) => (Number.isFinite(v) ? `${v < 10 ? v.toFixed(1) : Math.round(v)} ms` : 'n/a');
const x = (r: number) => (Number.isFinite(r) ? `${r.toFixed(r >= 10 ? 0 : r >= 1 ? 1 : 2)}×` : 'n/a');

/** At most `limit`: the ratio is how far under it (limit / value), or, when not met, how far over (value / limit). */
function atMost(bench: string, measure: string, value: number, limit: number, unit = ms, extra = ''): Row {
  const ok = Number.isFinite(value);
  return {
    bench,
    measure,
    target: `≤ ${unit(limit)}`,
    result: `${unit(value)}${extra}`,
    ratio: !ok ? 'n/a' : value <= limit ? `${x(limit / Math.max(value, 0.01))} under` : `${x(value / limit)} over`,
    met: ok ? value <= limit : undefined,
  };
}

/** At least `floor`: the ratio is how far over it (value / floor). */
function atLeast(bench: string, measure: string, value: number, floor: number, unit: (v: number) => string, extra = ''): Row {
  const ok = Number.isFinite(value);
  return {
    bench,
    measure,
    target: `≥ ${unit(floor)}`,
    result: `${unit(value)}${extra}`,
    ratio: ok ? `${x(value / floor)} target` : 'n/a',
    met: ok ? value >= floor : undefined,
  };
}

const info = (bench: string, measure: string, result: string, ratio = '—'): Row => ({ bench, measure, target: '—', result, ratio });

export function outboxRows(j: any): Row[] {
  const b = 'outbox';
  return [
    atMost(
      b,
      `outbox → consumer, committed write → handler, p50 at ${j.rate} ev/s`,
      j.commitP50,
      20,
      ms,
      ` (p99 ${ms(j.commitP99)}; ${n(j.achieved)} ev/s achieved)`,
    ),
    info(b, 'same, from the change() call', `p50 ${ms(j.callP50)}, p99 ${ms(j.callP99)}`),
    info(b, 'change() → consumer, 32 concurrent callers', `${n(j.burstEventsPerSecond)} ev/s`),
    info(b, 'backlog drained by a restarted relay', `${n(j.drainEventsPerSecond)} ev/s`),
    atLeast(b, 'replay of every event by a fresh consumer group', j.replayEventsPerSecond, 5_000, (v) => `${n(v)} ev/s`),
  ];
}

export function gatewayRows(j: any): Row[] {
  const b = 'gateway';
  const pct = (v: number) => `${(100 * v).toFixed(1)}%`;
  return [
    atLeast(
      b,
      `authenticated GET through the gateway / straight at the service (median of ${j.rounds} rounds)`,
      j.ratio,
      0.6,
      pct,
      ` (gateway ${n(j.gatewayRps)} req/s vs direct ${n(j.directRps)} req/s; rounds ${(j.ratios ?? []).map(pct).join(', ')})`,
    ),
  ];
}

export function ferretdbRows(j: any): Row[] {
  return (j.rows ?? []).map((r: any): Row =>
    r.error
      ? {
          bench: 'ferretdb',
          measure: `${r.operation}, ${j.concurrency} clients`,
          target: 'completes',
          result: `FAILED after ${r.count}: ${String(r.error).slice(0, 140)}`,
          ratio: '—',
          met: false,
        }
      : info('ferretdb', `${r.operation}, ${j.concurrency} clients`, `${n(r.rate)} /s (${n(r.count)} ops)`),
  );
}

/** bench/reports-figures.ts: a province's half-year summary from the figure counters vs from the facts, same run. */
export function reportsRows(j: any): Row[] {
  const facts = `${n(j.facts)} facts`;
  return [
    info(
      'reports',
      `a province's half-year figures at ${facts}: counters (Redis) vs facts aggregate (FerretDB)`,
      `${ms(j.countersMs)} vs ${ms(j.factsMs)}${j.same ? ', same rows' : ', ROWS DIFFER'}`,
      x(j.factsMs / j.countersMs),
    ),
    info(
      'reports',
      `recording ${facts} (insert + count) / rebuilding the counters after Redis lost them`,
      `${j.recordSeconds.toFixed(1)} s / ${j.rebuildSeconds.toFixed(1)} s`,
    ),
  ];
}

const megabytes = (v: number) => (Number.isFinite(v) ? `${n(v)} MB` : 'n/a');

/** bench/rest-memory.ts: each process's resident set after one use per demo role and an idle wait. */
export function memoryRows(j: any): Row[] {
  return (j.processes ?? []).map((p: any) =>
    atMost(
      'memory',
      `${p.name}: RSS at rest (${j.idleSeconds} s idle after one use per role)`,
      p.rssMb ?? Number.NaN,
      j.targetMb,
      megabytes,
    ),
  );
}

export function matchingRows(r: any): Row[] {
  const b = r.small ? 'matching (SMALL)' : 'matching';
  const rows: Row[] = [];
  const s = r.sizes ?? {};
  rows.push(
    info(
      b,
      'dataset, published through Kafka',
      `${n(s.returnees)} returnees, ${n(s.jobs)} jobs, ${n(s.cohorts)} cohorts`,
      r.small ? 'SMALL smoke run — not the national-scale target' : `${x(s.returnees / 250_000)} national`,
    ),
  );
  if (r.replay)
    rows.push(
      atLeast(b, 'replay: model rebuilt from Kafka by the service', r.replay.events / r.replay.seconds, 5_000, (v) => `${n(v)} ev/s`),
    );
  // the same three rows for each load: p99 over HTTP with its distribution, time inside the service, the speed-up
  const loadRows = (kind: 'jobs' | 'candidates', what: string, target: number) => {
    const load = r[kind];
    const scan = r[`${kind}Scan`];
    if (load) {
      rows.push(
        atMost(
          b,
          `${what}, p99, 100 concurrent — end to end over HTTP`,
          load.p99,
          target,
          ms,
          ` (p50 ${ms(load.p50)}, p90 ${ms(load.p90)}, p97.5 ${ms(load.p97_5)}, p99.9 ${ms(load.p99_9)}; ${n(load.rps)} req/s, ${n(load.cpuUs)} µs service CPU per answer)`,
        ),
      );
      rows.push(atMost(b, '  same load, time inside the service (matching itself)', r.inService?.[kind]?.p99 ?? NaN, target));
      // Little's law: 100 requests in flight wait 100 / throughput on average, and the two cores serve at most
      // cores / (service + load generator CPU per request) a second, however the work is spread over processes
      const cores = r.cores ?? 2;
      const floor = (100 * (load.cpuUs + load.clientCpuUs)) / cores / 1000;
      rows.push(
        info(
          b,
          `  lower bound on the mean latency at this CPU per request (Little's law, ${cores} cores fully used)`,
          `${ms(floor)} = 100 in flight × (${n(load.cpuUs)} µs service + ${n(load.clientCpuUs)} µs load generator) / ${cores} cores`,
          `${x(floor / target)} of the p99 target`,
        ),
      );
    }
    if (load && scan)
      rows.push(
        info(b, '  index vs full-scan baseline, same run', `${n(load.rps)} vs ${n(scan.rps)} req/s`, `${x(load.rps / scan.rps)} req/s`),
      );
  };
  loadRows('jobs', 'top-20 jobs for a returnee', 25);
  loadRows('candidates', 'top-20 candidates for a job', 50);
  // the same load on other shapes of the service: for comparison, not another verdict on the target
  // `baseline`: the other run is what the deployed process is compared with (else it is compared with the process)
  const compared = (label: string, other: any, versus: string, baseline: boolean) => {
    for (const kind of ['jobs', 'candidates'] as const) {
      const load = other[kind];
      const one = r[kind];
      const [a, z] = baseline ? [one, load] : [load, one];
      rows.push(
        info(
          b,
          `  ${label}, p99 — ${kind}`,
          `${ms(load.p99)} (p50 ${ms(load.p50)}, p90 ${ms(load.p90)}, p97.5 ${ms(load.p97_5)}, p99.9 ${ms(load.p99_9)}; ${n(load.rps)} req/s, ${n(load.cpuUs)} µs service CPU per answer)`,
          one ? `${versus}: ${x(a.rps / z.rps)} req/s, p50 ${ms(z.p50)} → ${ms(a.p50)}, p99 ${ms(z.p99)} → ${ms(a.p99)}` : '—',
        ),
      );
    }
  };
  if (r.oneThread)
    compared(
      'the same process with one thread for everything (MATCHING_FRONT_THREAD=false)',
      r.oneThread,
      'front thread vs one thread',
      true,
    );
  const rep = r.replicas;
  if (rep) {
    compared(
      `the same as ${rep.count} replicas on the same ${r.cores ?? 2} cores (MATCHING_WORKERS=${rep.count})`,
      rep,
      'replicas vs one process',
      false,
    );
    rows.push(info(b, `  memory: peak RSS of the ${rep.count} replicas together`, megabytes(rep.peak), `${x(rep.peak / 1024)} of 1 GB`));
  }
  const f = r.freshness ?? r.freshnessKafka;
  if (f) {
    const how = r.freshness ? 'job POSTed at the gateway → visible in matches' : 'job published to Kafka → visible in matches';
    rows.push(atMost(b, `freshness p50, 50 posts/s: ${how}`, f.p50, 100, ms, ` (${f.posts} posts, ${f.missing} not seen)`));
    rows.push(atMost(b, 'freshness p99', f.p99, 500));
  }
  if (r.afterLoad) rows.push(atMost(b, 'memory: peak RSS of the service', r.afterLoad.peak, 1024, megabytes));
  return rows;
}

export function markdown(rows: Row[]): string {
  const verdict = (m?: boolean) => (m === undefined ? '—' : m ? '✅ met' : '❌ not met');
  const lines = ['| bench | measure | target | result | ratio | met? |', '|---|---|---|---|---|---|'];
  for (const r of rows)
    lines.push(`| ${r.bench} | ${r.measure} | ${r.target} | ${r.result.replace(/\|/g, '\\|')} | ${r.ratio} | ${verdict(r.met)} |`);
  return lines.join('\n');
}
