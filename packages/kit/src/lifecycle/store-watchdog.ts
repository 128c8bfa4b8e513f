import type { Logger } from 'pino';
import { mongoCheck } from '../health/health.routes';
import type { Shutdown } from './graceful-shutdown';

export interface StoreWatchdogOptions {
  logger: Logger;
  /** How long the database may go unanswered before the process exits (default STORE_LOST_EXIT_SECONDS, or 30 s). */
  afterMs?: number;
  /** How often it is pinged; a ping slower than this counts as a failure (default 5 s). */
  everyMs?: number;
  /** Tests pass their own; `process.exit` otherwise. */
  exit?: (code: number) => void;
}

/**
 * Exits the process when the database has not answered a ping for `afterMs`, so that the supervisor (or an
 * orchestrator) starts a fresh one. Seen in a fault run: after FerretDB was SIGKILLed and restarted, one service's
 * MongoDB driver kept failing server selection with the same closed connection for minutes, while every other
 * client, old or new, reached the restarted server at once — requests to that service hung until the gateway's
 * timeout. A database down for longer than `afterMs` makes every service restart (with the supervisor's backoff),
 * which is no worse: none of them can answer meanwhile.
 */
export function exitWhenStoreLost(ping: () => Promise<unknown>, options: StoreWatchdogOptions): { stop(): void } {
  const afterMs = options.afterMs ?? Number(process.env.STORE_LOST_EXIT_SECONDS ?? 30) * 1000;
  const everyMs = options.everyMs ?? 5_000;
  const exit = options.exit ?? ((code: number) => process.exit(code));
  let lastAnswer = Date.now();
  let checking = false;
  let stopped = false;
  const check = async () => {
    if (checking || stopped) return;
    checking = true;
    let timer: NodeJS.Timeout | undefined;
    try {
      await Promise.race([
        ping(),
        new Promise((_resolve, reject) => (timer = setTimeout(() => reject(new Error('ping timed out')), everyMs))),
      ]);
      lastAnswer = Date.now();
    } catch (error) {
      const silentMs = Date.now() - lastAnswer;
      if (silentMs >= afterMs && !stopped) {
        stopped = true;
        options.logger.error(
          { err: error, silentMs },
          'the database has not answered for too long: exiting, to be restarted with a fresh connection',
        );
        exit(1);
      }
    } finally {
      clearTimeout(timer);
      checking = false;
    }
  };
  const interval = setInterval(() => void check(), everyMs);
  interval.unref();
  return {
    stop() {
      stopped = true;
      clearInterval(interval);
    },
  };
}

/**
 * A service's watchdog over its mongoose connection: a driver that never finds the restarted database again
 * makes the process exit and the supervisor start a fresh one. Stopped first when the service shuts down.
 */
export function watchStore(shutdown: Shutdown, connection: Parameters<typeof mongoCheck>[0], logger: Logger): void {
  const watchdog = exitWhenStoreLost(mongoCheck(connection), { logger });
  shutdown.onShutdown('store watchdog', async () => watchdog.stop());
}
