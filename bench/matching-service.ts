/**
 * The real matching service in its own process (`services/matching/src/start.ts`, logs at info written
 * to /dev/null as in production), reading the benchmark's topics, verifying tokens against a JWKS served
 * over HTTP by a test issuer. Helpers read its /status and its memory and CPU from /proc.
 *
 * For looking into a run (neither changes what is measured, beyond what the option itself costs):
 *   BENCH_SERVICE_LOG=<file>      the service's log (one line per request) appended there instead of /dev/null
 *   BENCH_NODE_ARGS="--trace-gc"  extra node options for the service, e.g. --trace-gc or --trace-gc-nvp (which
 *                                 NODE_OPTIONS refuses); BENCH_CPU_PROFILE=<dir> writes a CPU profile
 */
import { type ChildProcess, spawn } from 'node:child_process';
import { openSync, readdirSync, readFileSync } from 'node:fs';
import { get as httpGet } from 'node:http';
import { createServer } from 'node:net';
import { join } from 'node:path';

const root = join(__dirname, '..');

export const freePort = () =>
  new Promise<number>((resolve) => {
    const server = createServer().listen(0, '127.0.0.1', () => {
      const { port } = server.address() as { port: number };
      server.close(() => resolve(port));
    });
  });

export interface ServiceProcess {
  child: ChildProcess;
  url: string;
  status(): Promise<Status>;
  stop(): Promise<void>;
}

export interface Status {
  instanceId: string;
  returnees: { known: number; withProfile: number; discoverable: number; withRestrictions: number };
  jobs: { known: number; open: number };
  cohorts: { known: number; open: number };
  eventsApplied: number;
  snapshot: { takenAt: string; events: number } | null;
  restoredFrom: string | null;
  rssBytes: number;
  heapUsedBytes: number;
  /** Milliseconds spent matching per kind (search, exclusions, reasons; no HTTP), over the last 20,000 answers. */
  matchTimings: Record<string, { count: number; p50: number; p99: number; max: number }>;
}

export async function startService(env: Record<string, string>, adminToken: string): Promise<ServiceProcess> {
  const port = await freePort();
  const logFile = openSync(process.env.BENCH_SERVICE_LOG ?? '/dev/null', 'a');
  const profile = process.env.BENCH_CPU_PROFILE ? ['--cpu-prof', `--cpu-prof-dir=${process.env.BENCH_CPU_PROFILE}`] : [];
  const child = spawn(process.execPath, [...profile, ...(process.env.BENCH_NODE_ARGS?.split(' ').filter(Boolean) ?? []), '--import', 'tsx', join(root, 'services/matching/src/start.ts')], {
    env: { ...process.env, LOG_LEVEL: 'info', PORT: String(port), ...env },
    stdio: ['ignore', logFile, 'inherit'],
  });
  const url = `http://127.0.0.1:${port}`;
  for (let i = 0; ; i++) {
    if (child.exitCode !== null) throw new Error(`matching exited with ${child.exitCode}`);
    if (await fetch(`${url}/healthz`).then((r) => r.ok, () => false)) break;
    if (i > 600) throw new Error('matching did not come up in 2 minutes');
    await new Promise((r) => setTimeout(r, 200));
  }
  return {
    child,
    url,
    status: async () => (await (await fetch(`${url}/status`, { headers: { authorization: `Bearer ${adminToken}` } })).json()) as Status,
    stop: () =>
      new Promise<void>((resolve) => {
        if (child.exitCode !== null) return resolve();
        child.once('exit', () => resolve());
        child.kill('SIGTERM');
      }),
  };
}

/** Resident and peak resident memory of a process, in MB, from /proc. */
export function memoryMb(pid: number): { rss: number; peak: number } {
  const status = readFileSync(`/proc/${pid}/status`, 'utf8');
  const kb = (key: string) => Number(new RegExp(`${key}:\\s+(\\d+)`).exec(status)?.[1] ?? 0);
  return { rss: Math.round(kb('VmRSS') / 1024), peak: Math.round(kb('VmHWM') / 1024) };
}

/** CPU seconds (user + system) a process has used: a figure noisy neighbours skew less than wall time. */
export function cpuSeconds(pid: number): number {
  const fields = procStat(pid);
  return (Number(fields[11]) + Number(fields[12])) / 100;
}

/** /proc/<pid>/stat after the command name: field 0 is the state, 1 the parent's pid, 11 and 12 user and system ticks. */
function procStat(pid: number | string): string[] {
  return readFileSync(`/proc/${pid}/stat`, 'utf8').split(') ')[1]!.split(' ');
}

/** The processes whose parent is `pid` (a MATCHING_WORKERS primary's replicas), from /proc. */
export function childPids(pid: number): number[] {
  const children: number[] = [];
  for (const entry of readdirSync('/proc')) {
    if (!/^\d+$/.test(entry)) continue;
    try {
      if (Number(procStat(entry)[1]) === pid) children.push(Number(entry));
    } catch {
      // gone between the listing and the read
    }
  }
  return children;
}

/**
 * /status on a connection of its own: with MATCHING_WORKERS the primary hands each new connection to the next
 * replica, so `replicas` such calls in a row ask each replica once.
 */
export function freshStatus(url: string, adminToken: string): Promise<Status> {
  return new Promise((resolve, reject) => {
    httpGet(`${url}/status`, { agent: false, headers: { authorization: `Bearer ${adminToken}`, connection: 'close' } }, (res) => {
      let body = '';
      res.setEncoding('utf8').on('data', (chunk: string) => (body += chunk));
      res.on('end', () => (res.statusCode === 200 ? resolve(JSON.parse(body) as Status) : reject(new Error(`/status answered ${res.statusCode}`))));
    }).once('error', reject);
  });
}
