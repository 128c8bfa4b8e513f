/**
 * npm run test:fault — the fault test of ARCHITECTURE §8 (reliability).
 *
 * A private Kafka/FerretDB/Redis (port offset, own data directory) and the
 * whole stack in a namespace of its own; a steady load through the gateway
 * while the Kafka broker, a service and FerretDB are each SIGKILLed and
 * restarted in turn; then every accepted request's effect is counted in every
 * downstream store. Exits 1 on any lost or duplicated effect, any request
 * refused, no hire, or an offered rate below 95% of FAULT_RATE.
 *
 * Env: FAULT_RATE (requests/s, 20), FAULT_SECONDS (60: the window lasts at least
 * this long, and on until the last fault has recovered), FAULT_KILLS (which to
 * kill, in turn: `kafka,employers,ferretdb`; empty for a calibration run without
 * faults), FAULT_INFRA_OFFSET (300), FAULT_KEEP_INFRA=1 to leave the private
 * servers running with the run's data (otherwise its databases and topics are
 * dropped at the end; its logs and accepted.json stay in .data/fault/<namespace>).
 */
import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { freePortBlock, repoRoot, startStack, type Stack } from '../../scripts/stack';
import { login } from './fault-client';
import { dropRun } from './fault-cleanup';
import { countEffects, type Row } from './fault-count';
import { cpuReport, loadAverage, snapshot } from './fault-cpu';
import { faultInfra } from './fault-infra';
import { emptyAccepted, KINDS, markers, runLoad, shareOf, summarise } from './fault-load';
import { prepare } from './fault-setup';

const rate = Number(process.env.FAULT_RATE ?? 20);
const seconds = Number(process.env.FAULT_SECONDS ?? 60);
const offset = Number(process.env.FAULT_INFRA_OFFSET ?? 300);
type Fault = 'kafka' | 'employers' | 'ferretdb';
const FAULTS: Fault[] = ['kafka', 'employers', 'ferretdb'];
const kills = (process.env.FAULT_KILLS ?? FAULTS.join(','))
  .split(',')
  .map((k) => k.trim())
  .filter((k): k is Fault => {
    if (k && !FAULTS.includes(k as Fault)) throw new Error(`FAULT_KILLS: unknown ${k} (one of ${FAULTS.join(', ')})`);
    return k !== '';
  });
/** When each fault starts, as a share of FAULT_SECONDS (each also waits for the one before to recover). */
const FAULT_AT = [0.15, 0.4, 0.65];
/** The share of the asked rate the offered load must reach for the run to pass. */
const RATE_TOLERANCE = 0.95;
const t0 = Date.now();
const say = (line: string) => console.log(`[fault +${((Date.now() - t0) / 1000).toFixed(0).padStart(3)}s] ${line}`);
const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

async function main(): Promise<number> {
  const runId = Date.now().toString(36);
  const namespace = `fault${runId}`;
  const dataDir = join(repoRoot, '.data', 'fault');
  mkdirSync(dataDir, { recursive: true });
  const infra = faultInfra(offset, join(dataDir, 'infra'));
  let stack: Stack | undefined;
  let stopping: Promise<void> | undefined;
  /** Stops what the run started, once: the stack, then (unless FAULT_KEEP_INFRA) the run's data and the private servers. */
  const shutdown = () =>
    (stopping ??= (async () => {
      await stack?.stop();
      if (process.env.FAULT_KEEP_INFRA) return;
      // the run's databases and topics go (its logs and accepted.json stay in .data/fault/<namespace>)
      await dropRun(namespace, infra.mongoUrl, infra.kafkaBrokers).then(say, (error: unknown) => say(`cleanup: ${String(error)}`));
      await infra.down();
    })());
  // anything uncaught, or Ctrl-C, ends the run after stopping what it started
  process.on('uncaughtException', (error: Error) => {
    console.error(error);
    void shutdown().finally(() => process.exit(1));
  });
  for (const signal of ['SIGINT', 'SIGTERM'] as const)
    process.once(signal, () => {
      say(`${signal}: stopping the stack${process.env.FAULT_KEEP_INFRA ? '' : ' and the private servers'}`);
      void shutdown().finally(() => process.exit(130));
    });
  say(`private infra (port offset ${offset}, data ${join(dataDir, 'infra')})…`);
  await infra.up();
  try {
    stack = await startStack({
      // a block checked free, as the other stacks take (it was 30,000 + offset × 10, never checked)
      gatewayPort: await freePortBlock(),
      namespace,
      dataDir: join(dataDir, namespace),
      healthTimeoutMs: 180_000,
      say: (line) => (line.includes('dừng/exited') ? say(line.split('\n')[0]!) : undefined),
      env: {
        KAFKA_BROKERS: infra.kafkaBrokers,
        MONGO_URL: infra.mongoUrl,
        REDIS_URL: infra.redisUrl,
        RATE_LIMIT_IP_PER_MINUTE: '1000000',
        RATE_LIMIT_USER_PER_MINUTE: '1000000',
        LOG_LEVEL: process.env.LOG_LEVEL ?? 'warn',
        // answers replayed after a crash (idempotency records) are checked against the specs like any other
        VALIDATE_RESPONSES: 'true',
      },
    });
    const started = stack;
    const gatewayUrl = stack.gatewayUrl;
    say(`stack up at ${gatewayUrl} (namespace ${namespace})`);
    const sessions = {
      officer: await login(gatewayUrl, 'officer@demo.vn'),
      employer: await login(gatewayUrl, 'employer@demo.vn'),
      college: await login(gatewayUrl, 'college@demo.vn'),
    };
    const accepted = emptyAccepted();
    const nextMarker = markers(runId);
    // applications for 2× the hires of the asked window: the window runs on until the faults have recovered, and a
    // SIGKILLed broker took 65 s to answer again (a hire slot that finds none left posts a job instead, and says so)
    const hires = Math.ceil(rate * seconds * shareOf('hire') * 2) + 5;
    const setupStarted = Date.now();
    const plan = await prepare(
      gatewayUrl,
      sessions,
      { returnees: 40, cohorts: 8, jobs: 30, hires, loanReturnees: 20 },
      accepted,
      nextMarker,
      say,
    );
    const setupRequests = Object.values(accepted).reduce((s, list) => s + list.length, 0);
    say(
      `setup done in ${((Date.now() - setupStarted) / 1000).toFixed(0)}s: ${setupRequests} requests accepted, ${plan.hireable.length} applications ready to hire`,
    );

    const when = kills.map((k, i) => `${Math.round(FAULT_AT[i]! * 100)}% (${k})`).join(', ');
    say(
      `load: ${rate} requests/s for at least ${seconds}s; faults at ${when || 'none'}, each after the previous recovered; load average ${loadAverage()}`,
    );
    const pids = () => ({
      ...Object.fromEntries(started.specs.map((spec) => [spec.name, started.supervisor.child(spec.name)?.pid])),
      kafka: infra.pid('kafka'),
      ferretdb: infra.pid('mongo'),
      redis: infra.pid('redis'),
      'load generator': process.pid,
    });
    const cpuBefore = snapshot(pids());
    const loadStarted = Date.now();
    const at = (ms: number) => `+${((ms - loadStarted) / 1000).toFixed(1)}s`;
    const timeline: string[] = [];
    const note = (line: string) => {
      timeline.push(`${at(Date.now())} ${line}`);
      say(line);
    };
    const inject: Record<Fault, () => Promise<void>> = {
      kafka: async () => {
        note(`SIGKILL Kafka broker (pid ${infra.kill('kafka')}); restarting`);
        await sleep(2_000);
        await infra.up();
        note('Kafka broker back');
      },
      employers: async () => {
        note(`SIGKILL service employers (pid ${started.supervisor.child('employers')?.pid}); the supervisor restarts it`);
        started.supervisor.kill('employers');
        await started.waitHealthy('employers', 180_000);
        note('employers back');
      },
      ferretdb: async () => {
        note(`SIGKILL FerretDB (pid ${infra.kill('mongo')}); restarting`);
        await sleep(2_000);
        await infra.up();
        note('FerretDB back');
      },
    };
    const faults = (async () => {
      for (const [i, kill] of kills.entries()) {
        await sleep(Math.max(0, loadStarted + FAULT_AT[i]! * seconds * 1000 - Date.now()));
        await inject[kill]();
      }
      // a few seconds of load after the last recovery
      if (kills.length > 0) await sleep(5_000);
    })();
    const [result] = await Promise.all([
      runLoad(gatewayUrl, sessions, plan, accepted, {
        ratePerSecond: rate,
        minDurationMs: seconds * 1000,
        until: faults,
        nextMarker,
        progress: (line) => say(`${line}; load average ${loadAverage()}`),
      }),
      faults,
    ]);
    const figures = summarise(result);
    const cpu = cpuReport(cpuBefore, snapshot(pids()));
    say(
      `load done: window ${figures.windowSeconds.toFixed(1)}s, ${figures.sent} requests sent (${figures.offeredPerSecond.toFixed(1)}/s; ` +
        `per second min ${figures.perSecondMin}, median ${figures.perSecondMedian}, max ${figures.perSecondMax}), ` +
        `${figures.accepted} accepted (${figures.acceptedPerSecond.toFixed(1)}/s; ${figures.answeredInWindow} answered within the window), ` +
        `last answer at +${figures.lastAnswerSeconds.toFixed(0)}s; ${result.refused.length} refused`,
    );
    say(
      `  ${figures.httpAttempts} HTTP attempts, ${figures.retried} requests retried, ${figures.replayed} answered by an Idempotent-Replayed reply; ` +
        `latency of accepted p50 ${figures.latencyP50Ms} ms, p99 ${figures.latencyP99Ms} ms, max ${figures.latencyMaxMs} ms`,
    );
    say(
      `  by kind (accepted/sent, p50/p99 ms): ${KINDS.map((k) => {
        const f = figures.byKind[k];
        return `${k} ${f.accepted}/${f.sent} ${f.p50Ms}/${f.p99Ms}`;
      }).join(', ')}`,
    );
    if (result.substituted > 0) say(`  ${result.substituted} hire or referral slots found nothing left and posted a job instead`);
    for (const line of timeline) say(`  fault ${line}`);
    say(`  ${cpu}; load average now ${loadAverage()}`);
    for (const r of result.refused.slice(0, 10)) say(`  refused ${r.kind}: ${r.status} ${JSON.stringify(r.body).slice(0, 200)}`);

    writeFileSync(join(dataDir, namespace, 'accepted.json'), JSON.stringify({ ...result, figures, timeline, cpu }, null, 1));
    const rows = await converge(() =>
      countEffects(infra.mongoUrl, namespace, accepted, { gatewayUrl, employer: sessions.employer }, result.unsure),
    );
    printTable(rows);
    const lost = rows.reduce((s, r) => s + r.lost, 0);
    const duplicated = rows.reduce((s, r) => s + r.duplicated, 0);
    const found = rows.reduce((s, r) => s + r.found, 0);
    const requestsAccepted = Object.values(accepted).reduce((s, list) => s + list.length, 0);
    const rateMet = figures.offeredPerSecond >= rate * RATE_TOLERANCE && figures.windowSeconds >= seconds;
    const hired = figures.byKind.hire.accepted > 0;
    console.log(
      `\nFAULT RESULT: window ${figures.windowSeconds.toFixed(0)}s at ${figures.offeredPerSecond.toFixed(1)} requests/s offered ` +
        `(asked ${rate}/s for ${seconds}s${rateMet ? '' : ': NOT MET'}); window requests sent ${figures.sent}, accepted ${figures.accepted}, ` +
        `refused ${result.refused.length} (${result.unsure.length} without a final answer), hires ${figures.byKind.hire.accepted}; with the setup's ${setupRequests}, ${requestsAccepted} requests accepted; ` +
        `effects expected ${rows.reduce((s, r) => s + r.accepted, 0)}, found ${found}, lost ${lost}, duplicated ${duplicated}; ` +
        `run ${((Date.now() - t0) / 1000).toFixed(0)}s`,
    );
    return lost === 0 && duplicated === 0 && result.refused.length === 0 && rateMet && hired ? 0 : 1;
  } finally {
    await shutdown();
  }
}

/** Counts again until nothing is missing any more (events still on their way) or the time is up. */
async function converge(count: () => Promise<Row[]>, timeoutMs = 180_000): Promise<Row[]> {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    const rows = await count();
    const lost = rows.reduce((s, r) => s + r.lost, 0);
    if (lost === 0 || Date.now() > deadline) return rows;
    say(
      `waiting for convergence: ${lost} effects not there yet (${rows
        .filter((r) => r.lost)
        .map((r) => `${r.store}/${r.effect} ${r.lost}`)
        .join(', ')})`,
    );
    await sleep(5_000);
  }
}

function printTable(rows: Row[]): void {
  const header = ['store', 'effect', 'accepted', 'found', 'lost', 'duplicated', 'unanswered, applied'];
  const lines = rows.map((r) => [
    r.store,
    r.effect,
    String(r.accepted),
    String(r.found),
    String(r.lost),
    String(r.duplicated),
    String(r.unanswered),
  ]);
  const widths = header.map((h, i) => Math.max(h.length, ...lines.map((l) => l[i]!.length)));
  const fmt = (cells: string[]) => `| ${cells.map((c, i) => c.padEnd(widths[i]!)).join(' | ')} |`;
  console.log(['', fmt(header), fmt(widths.map((w) => '-'.repeat(w))), ...lines.map(fmt)].join('\n'));
}

main().then(
  (code) => process.exit(code),
  (error: unknown) => {
    console.error(error);
    process.exit(1);
  },
);
