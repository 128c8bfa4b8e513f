import { type ChildProcess, spawn } from 'node:child_process';
import { closeSync, mkdirSync, openSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
// the one file, not the kit's index: this process only supervises, it need not load express or mongoose
import { restartBackoff, type RestartBackoff } from '@hoanhap/kit/src/lifecycle/restart-backoff';
import type { ProcessSpec } from './topology';

interface Supervised {
  spec: ProcessSpec;
  child?: ChildProcess;
  backoff: RestartBackoff;
  timer?: NodeJS.Timeout;
}

/**
 * Runs each service as a child process with its output in .data/logs/<name>.log,
 * restarts one that crashes with exponential backoff (and says so), and stops
 * them all on request.
 */
export interface SupervisorOptions {
  logDir?: string;
  /** Environment added for one process (a stack's namespace). */
  envFor?: (spec: ProcessSpec) => NodeJS.ProcessEnv;
}

export type Supervisor = ReturnType<typeof createSupervisor>;

export function createSupervisor(root: string, env: NodeJS.ProcessEnv, say: (line: string) => void, options: SupervisorOptions = {}) {
  const logDir = options.logDir ?? join(root, '.data', 'logs');
  mkdirSync(logDir, { recursive: true });
  // tsx's loader inside the service's own node process (not the tsx CLI, which runs the service as a
  // grandchild that a SIGKILL of its parent would orphan)
  const tsxDist = join(root, 'node_modules', 'tsx', 'dist');
  const nodeArgs = ['--require', join(tsxDist, 'preflight.cjs'), '--import', pathToFileURL(join(tsxDist, 'loader.mjs')).href];
  const running = new Map<string, Supervised>();
  let stopping = false;

  function launch(entry: Supervised): void {
    const { spec } = entry;
    // the child writes its stdout and stderr straight into its log file: piping them through this process cost a
    // wake-up and two more writes per log line (at info, one per request), CPU taken from the services it runs
    const log = openSync(join(logDir, `${spec.name}.log`), 'a');
    let child: ChildProcess;
    try {
      child = spawn(process.execPath, [...nodeArgs, join(root, spec.dir, 'src', 'start.ts')], {
        cwd: join(root, spec.dir),
        env: { ...env, ...options.envFor?.(spec), PORT: String(spec.port) },
        stdio: ['ignore', log, log],
      });
    } finally {
      closeSync(log); // the child holds its own copy
    }
    entry.child = child;
    entry.backoff.started();
    child.on('close', (code, signal) => restart(code, signal));
    const restart = (code: number | null, signal: NodeJS.Signals | null) => {
      if (stopping) return;
      const delay = entry.backoff.next();
      say(
        `${spec.name} dừng/exited (${signal ?? `code ${code}`}); khởi động lại sau/restarting in ${delay / 1000}s — log ${join(logDir, spec.name + '.log')}`,
      );
      say(tail(join(logDir, `${spec.name}.log`)));
      entry.timer = setTimeout(() => launch(entry), delay);
    };
  }

  return {
    /** The live child of a process (undefined while it waits to restart). */
    child(name: string): ChildProcess | undefined {
      const child = running.get(name)?.child;
      return child && child.exitCode === null && child.signalCode === null ? child : undefined;
    },
    /** Sends a signal to a running process; the supervisor restarts it as after any crash. */
    kill(name: string, signal: NodeJS.Signals = 'SIGKILL'): boolean {
      const child = running.get(name)?.child;
      return child ? child.kill(signal) : false;
    },
    /** Restarts since the process was last stable. */
    restarts(name: string): number {
      return running.get(name)?.backoff.restarts ?? 0;
    },
    start(spec: ProcessSpec): void {
      const entry: Supervised = { spec, backoff: restartBackoff() };
      running.set(spec.name, entry);
      launch(entry);
    },
    async stopAll(graceMs = 10_000): Promise<void> {
      stopping = true;
      const exits = [...running.values()].map((entry) => {
        clearTimeout(entry.timer);
        const child = entry.child;
        if (!child || child.exitCode !== null || child.signalCode !== null) return Promise.resolve();
        return new Promise<void>((resolve) => {
          const kill = setTimeout(() => child.kill('SIGKILL'), graceMs);
          child.once('exit', () => {
            clearTimeout(kill);
            resolve();
          });
          child.kill('SIGTERM');
        });
      });
      await Promise.all(exits);
    },
  };
}

function tail(file: string, lines = 8): string {
  try {
    return readFileSync(file, 'utf8')
      .trimEnd()
      .split('\n')
      .slice(-lines)
      .map((l) => `    ${l}`)
      .join('\n');
  } catch {
    return '';
  }
}
