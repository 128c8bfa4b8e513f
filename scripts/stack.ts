/**
 * The whole application (every service and the gateway) as supervised child
 * processes against infrastructure that is already up. `npm start` runs one
 * with the default ports and names; system tests, fault tests and fuzzing run
 * their own beside it with a port base and a namespace, so nothing they write
 * touches the demo's databases, topics or Redis keys.
 */
import { existsSync, mkdirSync } from 'node:fs';
import { createServer } from 'node:net';
import { join } from 'node:path';
import { createSupervisor, type Supervisor } from './supervisor';
import { topology, type ProcessSpec } from './topology';

export const repoRoot = join(__dirname, '..');

export interface StackOptions {
  /** The gateway's port; each service takes its default port shifted by the same amount (8080 → identity 8081…). */
  gatewayPort?: number;
  /** Prefix for databases, topics, consumer groups and Redis keys; '' keeps the production names. */
  namespace?: string;
  /** Where logs and per-stack data (identity keys, matching snapshots, loan documents) go. */
  dataDir?: string;
  /** Extra environment for every process (e.g. rate limits for load tests). */
  env?: NodeJS.ProcessEnv;
  /** Only these processes (by topology name); the gateway is always included. */
  only?: string[];
  say?: (line: string) => void;
  healthTimeoutMs?: number;
}

export interface Stack {
  gatewayUrl: string;
  urls: Record<string, string>;
  specs: ProcessSpec[];
  env: NodeJS.ProcessEnv;
  supervisor: Supervisor;
  /** Each process writes its stdout and stderr to `<name>.log` here. */
  logDir: string;
  /** Resolves when the named process answers /healthz; a process silent for timeoutMs is restarted once, then it throws. */
  waitHealthy(name: string, timeoutMs?: number): Promise<void>;
  stop(): Promise<void>;
}

/**
 * Polls `<url>/healthz` until it answers 2xx (true) or `timeoutMs` passes; `seen` is told what the last poll
 * got (a status and the start of its body, or the connection error), for the message of a timeout.
 */
export async function healthy(url: string, timeoutMs: number, seen: (last: string) => void = () => undefined): Promise<boolean> {
  const deadline = Date.now() + timeoutMs;
  while (Date.now() < deadline) {
    const ok = await fetch(`${url}/healthz`, { signal: AbortSignal.timeout(10_000) }).then(
      async (r) => {
        if (!r.ok) seen(`${r.status} ${(await r.text().catch(() => '')).slice(0, 200)}`);
        return r.ok;
      },
      (error: unknown) => {
        const cause = (error as { cause?: { code?: string; message?: string } }).cause;
        seen(cause?.code ?? cause?.message ?? (error instanceof Error ? error.message : String(error)));
        return false;
      },
    );
    if (ok) return true;
    await new Promise((r) => setTimeout(r, 300));
  }
  return false;
}

function portFree(port: number): Promise<boolean> {
  return new Promise((resolve) => {
    const server = createServer();
    server.once('error', () => resolve(false));
    server.listen(port, '127.0.0.1', () => server.close(() => resolve(true)));
  });
}

/**
 * A block of 8 consecutive free ports (gateway + 7 services), chosen at random to keep parallel stacks apart: a
 * `gatewayPort`. Between 21000 and 26000: below Linux's ephemeral range (32768–60999), where any outgoing
 * connection or port-0 server of another test could take a port of the block after it was checked free (a run
 * here lost matching to EADDRINUSE on 34006 that way), and clear of the servers' own ports (27017, 26379 and
 * 29092 with the lifecycle test's offset).
 */
export async function freePortBlock(): Promise<number> {
  for (let attempt = 0; attempt < 50; attempt++) {
    const base = 21_000 + Math.floor(Math.random() * 500) * 10;
    const checks = await Promise.all(Array.from({ length: 8 }, (_, i) => portFree(base + i)));
    if (checks.every(Boolean)) return base;
  }
  throw new Error('no free block of 8 ports between 21000 and 26000');
}

function namespacedEnv(spec: ProcessSpec, namespace: string, dataDir: string): NodeJS.ProcessEnv {
  if (!namespace) return {};
  const db = `${namespace}_${spec.name}`.replace(/[^A-Za-z0-9_-]/g, '_').slice(0, 63);
  return {
    MONGO_DB: db,
    REDIS_PREFIX: `${namespace}:${spec.name}:`,
    KAFKA_TOPIC_PREFIX: `${namespace}.`,
    IDENTITY_KEYS_DIR: join(dataDir, 'identity-keys'),
    MATCHING_SNAPSHOT_DIR: join(dataDir, 'matching-snapshots'),
    LOANS_DATA_DIR: join(dataDir, 'loans'),
  };
}

/** Starts the processes in topology order, each once the previous answers /healthz. */
export async function startStack(options: StackOptions = {}): Promise<Stack> {
  const say = options.say ?? (() => undefined);
  const shift = (options.gatewayPort ?? 8080) - 8080;
  const namespace = options.namespace ?? '';
  const dataDir = options.dataDir ?? join(repoRoot, '.data');
  mkdirSync(dataDir, { recursive: true });
  const wanted = (spec: ProcessSpec) => !options.only || spec.name === 'gateway' || options.only.includes(spec.name);
  const specs = topology
    .filter((spec) => existsSync(join(repoRoot, spec.dir, 'src', 'start.ts')) && wanted(spec))
    .map((spec) => ({ ...spec, port: spec.port + shift }));

  const env: NodeJS.ProcessEnv = { ...process.env, ...options.env };
  // a URL the caller gave in options.env wins (e.g. a JWKS or service of its own); otherwise a shifted stack
  // points at its own ports, and the default stack keeps what the shell exported
  const own = (key: string, url: string) => {
    if (options.env?.[key] === undefined && (shift !== 0 || !env[key])) env[key] = url;
  };
  const urls: Record<string, string> = {};
  for (const spec of topology) {
    const url = `http://127.0.0.1:${spec.port + shift}`;
    urls[spec.name] = url;
    own(spec.urlEnv, url);
  }
  own('IDENTITY_JWKS_URL', `${urls.identity}/auth/jwks.json`);

  const logDir = join(dataDir, 'logs');
  const supervisor = createSupervisor(repoRoot, env, say, {
    logDir,
    envFor: (spec) => namespacedEnv(spec, namespace, dataDir),
  });
  const timeout = options.healthTimeoutMs ?? 90_000;
  // what the process was doing: a CI run once saw the gateway neither answer nor write a line for 180 s
  const unhealthy = (name: string, timeoutMs: number, last: string) => {
    const child = supervisor.child(name);
    const state = child ? `running (pid ${child.pid}, ${supervisor.restarts(name)} restarts)` : 'not running';
    return `${name} did not answer ${urls[name]}/healthz within ${timeoutMs / 1000}s: last ${last}; the process is ${state} (log ${join(logDir, name + '.log')})`;
  };
  /** Waits for the process's health; one that stays silent is restarted once, as an orchestrator's liveness probe would. */
  const waitHealthy = async (name: string, timeoutMs = timeout) => {
    let last = 'no answer yet';
    if (await healthy(urls[name]!, timeoutMs, (seen) => (last = seen))) return;
    // on stderr even where the caller keeps the stack quiet or filters its lines: a restart must show in the run's output
    console.warn(`[stack] ${unhealthy(name, timeoutMs, last)} — restarting it once`);
    supervisor.kill(name, 'SIGKILL');
    last = 'no answer yet';
    if (await healthy(urls[name]!, timeoutMs, (seen) => (last = seen))) return;
    throw new Error(unhealthy(name, timeoutMs, last));
  };
  const stack: Stack = {
    gatewayUrl: urls.gateway!,
    urls,
    specs,
    env,
    supervisor,
    logDir,
    waitHealthy,
    stop: () => supervisor.stopAll(),
  };
  try {
    for (const spec of specs) {
      say(`${spec.name}: đang khởi động / starting on :${spec.port}…`);
      const started = Date.now();
      supervisor.start(spec);
      await waitHealthy(spec.name);
      say(`${spec.name}: sẵn sàng / ready — ${urls[spec.name]} (${((Date.now() - started) / 1000).toFixed(1)}s)`);
    }
  } catch (error) {
    await supervisor.stopAll();
    throw error;
  }
  return stack;
}
