/**
 * Progress for the slow first start (Maven fetching Kafka, Go building FerretDB): on a terminal one
 * spinner line redrawn in place with the elapsed time and a counter; under CI or without a TTY a plain
 * line every few seconds, so logs show it is alive without carriage returns.
 */
import { spawn } from 'node:child_process';

const FRAMES = ['⠋', '⠙', '⠹', '⠸', '⠼', '⠴', '⠦', '⠧', '⠇', '⠏'];
const PLAIN_EVERY_MS = 10_000;

export function interactive(stream: NodeJS.WriteStream = process.stdout): boolean {
  return Boolean(stream.isTTY) && !process.env.CI && process.env.TERM !== 'dumb';
}

export function elapsed(ms: number): string {
  const s = Math.floor(ms / 1000);
  return s < 60 ? `${s}s` : `${Math.floor(s / 60)}m${String(s % 60).padStart(2, '0')}s`;
}

export function bytes(n: number): string {
  if (n < 1024 * 1024) return `${(n / 1024).toFixed(0)} kB`;
  return `${(n / 1024 / 1024).toFixed(1)} MB`;
}

export interface Stage {
  /** What the counter says now (e.g. "42 tệp/artifacts, 31.0 MB"). */
  update(status: string): void;
  done(line: string): void;
  fail(): void;
}

/** Shows one running stage: `label` first, then the status with its elapsed time until done. */
export function stage(prefix: string, label: string): Stage {
  const started = Date.now();
  const tty = interactive();
  let status = '';
  let lastPlain = '';
  console.log(`${prefix} ${label}`);
  const draw = (frame: number) => {
    const line = `${prefix}   ${FRAMES[frame % FRAMES.length]} ${elapsed(Date.now() - started)}${status ? ` — ${status}` : ''}`;
    process.stdout.write(`\r\x1b[2K${line}`);
  };
  let frame = 0;
  const timer = tty
    ? setInterval(() => draw(frame++), 120)
    : setInterval(() => {
        const line = `${prefix}   … ${elapsed(Date.now() - started)}${status ? ` — ${status}` : ''}`;
        if (line !== lastPlain) console.log(line);
        lastPlain = line;
      }, PLAIN_EVERY_MS);
  const clear = () => {
    clearInterval(timer);
    if (tty) process.stdout.write('\r\x1b[2K');
  };
  return {
    update(next) {
      status = next;
    },
    done(line) {
      clear();
      console.log(`${prefix} ${line} (${elapsed(Date.now() - started)})`);
    },
    fail: clear,
  };
}

/**
 * Runs a command without blocking the event loop (so the spinner turns), hands each output line to
 * `onLine`, and throws with the output's tail when it fails.
 */
export function runStreaming(
  command: string,
  args: string[],
  onLine: (line: string) => void,
  options: { cwd?: string; env?: NodeJS.ProcessEnv } = {},
): Promise<void> {
  return new Promise((resolve, reject) => {
    const child = spawn(command, args, { cwd: options.cwd, env: { ...process.env, ...options.env }, stdio: ['ignore', 'pipe', 'pipe'] });
    const tail: string[] = [];
    const feed = (stream: NodeJS.ReadableStream) => {
      let pending = '';
      stream.setEncoding('utf8');
      stream.on('data', (chunk: string) => {
        const lines = (pending + chunk).split('\n');
        pending = lines.pop() ?? '';
        for (const line of lines) {
          tail.push(line);
          if (tail.length > 15) tail.shift();
          onLine(line);
        }
      });
    };
    feed(child.stdout);
    feed(child.stderr);
    child.on('error', reject);
    child.on('close', (code) => {
      if (code === 0) resolve();
      else reject(new Error(`${command} ${args.join(' ')} failed (exit ${code}):\n${tail.join('\n')}`));
    });
  });
}
