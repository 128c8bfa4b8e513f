/**
 * npm run test:fault — the fault test of ARCHITECTURE §8 (reliability).
 *
 * A private Kafka/FerretDB/Redis (port offset, own data directory) and the
 * whole stack in a namespace of its own; a steady load through the gateway
 * while the Kafka broker, a service and FerretDB are each SIGKILLed and
 * restarted in turn; then every accepted request's effect is counted in every
 * downstream store. Exits 1 on any lost or duplicated effect.
 *
 * Env: FAULT_RATE (requests/s, 25), FAULT_SECONDS (75), FAULT_INFRA_OFFSET (300),
 * FAULT_KEEP_INFRA=1 to leave the private servers running.
 */
import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { repoRoot, startStack, type Stack } from '../../scripts/stack';
import { login } from './fault-client';
import { countEffects, type Row } from './fault-count';
import { faultInfra } from './fault-infra';
import { runLoad } from './fault-load';
import { prepare } from './fault-setup';

const rate = Number(process.env.FAULT_RATE ?? 25);
const seconds = Number(process.env.FAULT_SECONDS ?? 75);
const offset = Number(process.env.FAULT_INFRA_OFFSET ?? 300);
const t0 = Date.now();
const say = (line: string) => console.log(`[fault +${((Date.now() - t0) / 1000).toFixed(0).padStart(3)}s] ${line}`);
const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

async function main(): Promise<number> {
  const runId = Date.now().toString(36);
  const namespace = `fault${runId}`;
  const dataDir = join(repoRoot, '.data', 'fault');
  mkdirSync(dataDir, { recursive: true });
  const infra = faultInfra(offset, join(dataDir, 'infra'));
  say(`private infra (port offset ${offset}, data ${join(dataDir, 'infra')})…`);
  await infra.up();
  let stack: Stack | undefined;
  try {
    stack = await startStack({
      gatewayPort: 30_000 + offset * 10,
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
      },
    });
    const started = stack;
    for (const signal of ['SIGINT', 'SIGTERM'] as const) process.once(signal, () => void started.stop().then(() => process.exit(130)));
    const gatewayUrl = stack.gatewayUrl;
    say(`stack up at ${gatewayUrl} (namespace ${namespace})`);
    const sessions = {
      officer: await login(gatewayUrl, 'officer@demo.vn'),
      employer: await login(gatewayUrl, 'employer@demo.vn'),
      college: await login(gatewayUrl, 'college@demo.vn'),
    };
    const fixtures = await prepare(gatewayUrl, sessions, 30, 8);
    say(`fixtures: ${fixtures.returneeIds.length} returnees, ${fixtures.cohortIds.length} cohorts`);

    say(`load: ${rate} requests/s for ${seconds}s; faults at 20% (Kafka), 45% (employers), 70% (FerretDB)`);
    const loadStarted = Date.now();
    const load = runLoad(gatewayUrl, sessions, fixtures, rate, seconds * 1000, runId);
    const faults = (async () => {
      const at = (share: number) => sleep(Math.max(0, loadStarted + share * seconds * 1000 - Date.now()));
      await at(0.2);
      say(`SIGKILL Kafka broker (pid ${infra.kill('kafka')}); restarting`);
      await sleep(2_000);
      await infra.up();
      say('Kafka broker back');
      await at(0.45);
      say(`SIGKILL service employers (pid ${stack!.supervisor.child('employers')?.pid}); the supervisor restarts it`);
      stack!.supervisor.kill('employers');
      await stack!.waitHealthy('employers', 120_000);
      say('employers back');
      await at(0.7);
      say(`SIGKILL FerretDB (pid ${infra.kill('mongo')}); restarting`);
      await sleep(2_000);
      await infra.up();
      say('FerretDB back');
    })();
    const [result] = await Promise.all([load, faults]);
    const sent = Object.values(result.sent).reduce((a, b) => a + b, 0);
    const loadSeconds = (Date.now() - loadStarted) / 1000;
    say(
      `load done: ${sent} requests sent over ${seconds}s (${(sent / seconds).toFixed(1)}/s), all answered after ${loadSeconds.toFixed(0)}s; ${result.refused.length} refused`,
    );
    for (const r of result.refused.slice(0, 10)) say(`  refused ${r.kind}: ${r.status} ${JSON.stringify(r.body).slice(0, 200)}`);

    writeFileSync(join(dataDir, namespace, 'accepted.json'), JSON.stringify(result, null, 1));
    const rows = await converge(() =>
      countEffects(infra.mongoUrl, namespace, result.accepted, { gatewayUrl, employer: sessions.employer }),
    );
    const accepted = rows.filter((r) => r.store !== 'matching' && r.store !== 'reports');
    printTable(rows);
    const lost = rows.reduce((s, r) => s + r.lost, 0);
    const duplicated = rows.reduce((s, r) => s + r.duplicated, 0);
    const found = rows.reduce((s, r) => s + r.found, 0);
    const requestsAccepted = Object.values(result.accepted).reduce((s, list) => s + list.length, 0);
    console.log(
      `\nFAULT RESULT: requests sent ${sent}, accepted ${requestsAccepted}, refused ${result.refused.length}; ` +
        `effects expected ${rows.reduce((s, r) => s + r.accepted, 0)}, found ${found}, lost ${lost}, duplicated ${duplicated} ` +
        `(${accepted.length + 0} source rows); run ${((Date.now() - t0) / 1000).toFixed(0)}s`,
    );
    return lost === 0 && duplicated === 0 && result.refused.length === 0 ? 0 : 1;
  } finally {
    await stack?.stop();
    if (!process.env.FAULT_KEEP_INFRA) await infra.down();
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
  const header = ['store', 'effect', 'accepted', 'found', 'lost', 'duplicated'];
  const lines = rows.map((r) => [r.store, r.effect, String(r.accepted), String(r.found), String(r.lost), String(r.duplicated)]);
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
