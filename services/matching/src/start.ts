/**
 * Boot: config → model (latest snapshot, else empty) → consumer from the snapshot's offsets → listen.
 * Any boot failure prints one line saying what is wrong and exits 1. SIGTERM/SIGINT: stop serving, stop
 * consuming, write a last snapshot (so the next start replays only what came after), exit.
 */
import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import { jwksKeys } from '@hoanhap/auth';
import { ConfigError, createLogger, gracefulShutdown } from '@hoanhap/kit';
import { loadMatchingConfig } from './config';
import { startMatchingRuntime } from './matching-runtime';

async function main(): Promise<void> {
  const config = loadMatchingConfig();
  const logger = createLogger({ name: 'matching' });
  const runtime = await startMatchingRuntime({ ...config, keys: jwksKeys(config.jwksUrl), logger });
  const server = createServer(runtime.app).listen(config.port);
  await new Promise<void>((resolve, reject) => server.once('listening', resolve).once('error', reject));
  logger.info({ port: (server.address() as AddressInfo).port, restoredFrom: runtime.restored?.takenAt ?? null, groupId: runtime.groupId }, 'matching listening');
  const shutdown = gracefulShutdown(server, { logger, timeoutMs: 60_000 });
  shutdown.onShutdown('consumer and last snapshot', () => runtime.close());
}

main().catch((error: unknown) => {
  // one clear line, to stderr, before any logger exists
  console.error(`matching cannot start: ${error instanceof ConfigError ? error.message : ((error as Error)?.stack ?? String(error))}`);
  process.exit(1);
});
