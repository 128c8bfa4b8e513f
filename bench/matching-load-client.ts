/**
 * The load generator of the matching benchmark: wrk (Debian's package, installed on first use when we are
 * root), one thread holding 100 keep-alive connections, every request one of the targets picked at random
 * (matching-load.lua). wrk is C on epoll: on the same 2 cores as the service it spends ~75 µs of CPU per
 * request where autocannon (used until 2026-12-07) spent ~95–235 µs, all of it taken from the service it
 * measured. Latency is wrk's: from the request's write to its whole answer, on an open connection.
 *
 * A warm-up run first (its own connections, not counted: both sides' JIT, the service's young generation),
 * then the counted run on 100 fresh connections; the front thread accepts them within a few milliseconds.
 */
import { spawn } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { ensureDebianCommand } from '../infra/src/fetch';

export interface LoadOrders {
  url: string;
  targets: { path: string; token: string }[];
  connections: number;
  seconds: number;
  /** Before the counted run, the same load on connections of its own: warms both sides' JIT. */
  warmupSeconds: number;
  timeoutSec: number;
  seed: number;
}

/** Latency quantiles of a run, in ms. */
export interface Latencies {
  p50: number;
  p90: number;
  p97_5: number;
  p99: number;
  p99_9: number;
  max: number;
}

export interface LoadClientResult {
  /** Requests answered in the counted run. */
  counted: number;
  latency: Latencies;
  /** Over the counted run: answers that were not 2xx or 3xx, and failures by kind (timeouts among them). */
  non2xx: number;
  errors: number;
  timeouts: number;
  /** The generator's own CPU per counted request: whether it, not the service, could limit the rate. */
  clientCpuUs: number;
}

interface WrkSummary extends Latencies {
  requests: number;
  connect: number;
  read: number;
  write: number;
  status: number;
  timeout: number;
  cpuSeconds: number;
}

/** The warm-up, then `warmed()`, then the counted run: wrk's figures for the latter. */
export async function runLoad(orders: LoadOrders, warmed: () => void): Promise<LoadClientResult> {
  ensureDebianCommand('wrk', 'wrk', 'wrk, the HTTP load generator', (line) => console.log(`[bench] ${line}`));
  const dir = mkdtempSync(join(tmpdir(), 'bench-load-'));
  try {
    const targets = join(dir, 'targets.txt');
    writeFileSync(targets, orders.targets.map((t) => `${t.path} ${t.token}\n`).join(''));
    const run = (seconds: number, seed: number) => wrk(orders, targets, seconds, seed);
    if (orders.warmupSeconds > 0) await run(orders.warmupSeconds, orders.seed + 1);
    warmed();
    const s = await run(orders.seconds, orders.seed);
    const round = (value: number) => Math.round(value);
    return {
      counted: s.requests,
      latency: { p50: round(s.p50), p90: round(s.p90), p97_5: round(s.p97_5), p99: round(s.p99), p99_9: round(s.p99_9), max: round(s.max) },
      non2xx: s.status,
      errors: s.connect + s.read + s.write + s.timeout,
      timeouts: s.timeout,
      clientCpuUs: Math.round((s.cpuSeconds * 1e6) / Math.max(1, s.requests)),
    };
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

function wrk(orders: LoadOrders, targets: string, seconds: number, seed: number): Promise<WrkSummary> {
  const args = [
    '-t1',
    `-c${orders.connections}`,
    `-d${seconds}s`,
    `--timeout`,
    `${orders.timeoutSec}s`,
    '-s',
    join(__dirname, 'matching-load.lua'),
    orders.url,
  ];
  return new Promise((resolve, reject) => {
    const child = spawn('wrk', args, {
      env: { ...process.env, TARGETS: targets, SEED: String(seed) },
      stdio: ['ignore', 'pipe', 'inherit'],
    });
    let out = '';
    child.stdout.setEncoding('utf8').on('data', (chunk: string) => (out += chunk));
    child.once('error', reject);
    child.once('close', (code) => {
      // wrk prints its own summary first; the script's JSON is the last line
      const last = out.trim().split('\n').at(-1) ?? '';
      if (code === 0 && last.startsWith('{')) resolve(JSON.parse(last) as WrkSummary);
      else reject(new Error(`wrk exited with ${code}: ${out.slice(-500)}`));
    });
  });
}
