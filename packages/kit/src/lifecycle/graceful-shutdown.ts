import { Server } from 'node:http';
import type { FrontThread } from '../http/front-thread';
import type { Logger } from 'pino';

export type Closer = () => Promise<unknown> | unknown;

export interface ShutdownOptions {
  logger: Logger;
  /** Longest a shutdown may take before the process exits anyway. Default 10 s. */
  timeoutMs?: number;
  signals?: NodeJS.Signals[];
  /** How to end the process; tests pass a spy. */
  exit?: (code: number) => void;
}

export interface Shutdown {
  /** Registers something to close after the server stops (consumers, relay, then connections): run in this order. */
  onShutdown(name: string, close: Closer): void;
  /** Runs the shutdown now (what a signal does). Repeated calls share the first run. */
  shutdown(reason: string): Promise<void>;
  /** True once shutdown has begun; a readiness check can report it so load balancers stop sending. */
  readonly draining: boolean;
}

function closeServer(server: Server | FrontThread): Promise<void> {
  if (!(server instanceof Server)) return server.stop();
  return new Promise((resolve) => {
    if (!server.listening) return resolve();
    // keep-alive sockets would hold close() open until they time out: drop each as soon as it is idle
    const sweep = setInterval(() => server.closeIdleConnections(), 100);
    server.close(() => {
      clearInterval(sweep);
      resolve();
    });
    server.closeIdleConnections();
  });
}

/**
 * On SIGTERM/SIGINT: stop accepting connections, let in-flight requests end,
 * run the registered closers in order, then exit 0 (1 when a closer failed or
 * the timeout passed).
 */
export function gracefulShutdown(server: Server | FrontThread, options: ShutdownOptions): Shutdown {
  const closers: Array<{ name: string; close: Closer }> = [];
  const exit = options.exit ?? ((code: number) => process.exit(code));
  let running: Promise<void> | undefined;

  const run = async (reason: string) => {
    options.logger.info({ reason }, 'shutting down');
    const timer = setTimeout(() => {
      options.logger.error('shutdown timed out');
      exit(1);
    }, options.timeoutMs ?? 10_000);
    timer.unref();
    let failed = false;
    await closeServer(server);
    for (const { name, close } of closers) {
      try {
        await close();
      } catch (error) {
        failed = true;
        options.logger.error({ err: error, closer: name }, 'closer failed');
      }
    }
    clearTimeout(timer);
    exit(failed ? 1 : 0);
  };

  const shutdown = (reason: string) => (running ??= run(reason));
  for (const signal of options.signals ?? ['SIGTERM', 'SIGINT']) process.once(signal, () => void shutdown(signal));
  return {
    onShutdown: (name, close) => void closers.push({ name, close }),
    shutdown,
    get draining() {
      return running !== undefined;
    },
  };
}
