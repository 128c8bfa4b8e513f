/**
 * Boot: config → model (latest snapshot, else empty) → consumer from the snapshot's offsets → listen.
 * Any boot failure prints one line saying what is wrong and exits 1. SIGTERM/SIGINT: stop serving, stop
 * consuming, write a last snapshot (so the next start replays only what came after), exit.
 * MATCHING_WORKERS > 1: this process only supervises that many replicas of all the above (replicas.ts).
 */
import cluster from 'node:cluster';
import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import { jwksKeys } from '@hoanhap/auth';
import { ConfigError, createLogger, gracefulShutdown } from '@hoanhap/kit';
import { loadMatchingConfig } from './config';
import { startMatchingRuntime } from './matching-runtime';
import { replicaInstanceId, superviseReplicas } from './replicas';

async function main(): Promise<void> {
  const config = loadMatchingConfig();
  const logger = createLogger({ name: 'matching' });
  if (config.workers > 1 && cluster.isPrimary) return superviseReplicas(config.workers, logger);
  const instanceId = replicaInstanceId(config.instanceId);
  const runtime = await startMatchingRuntime({ ...config, instanceId, keys: jwksKeys(config.jwksUrl), logger });
  const server = createServer(runtime.app).listen(config.port);
  await new Promise<void>((resolve, reject) => server.once('listening', resolve).once('error', reject));
  logger.info({ port: (server.address() as AddressInfo).port, instanceId, restoredFrom: runtime.restored?.takenAt ?? null, groupId: runtime.groupId }, 'matching listening');
  const shutdown = gracefulShutdown(server, { logger, timeoutMs: 60_000 });
  shutdown.onShutdown('consumer and last snapshot', () => runtime.close());
}

main().catch((error: unknown) => {
  // one clear line, to stderr, before any logger exists
  console.error(`matching cannot start: ${error instanceof ConfigError ? error.message : ((error as Error)?.stack ?? String(error))}`);
  process.exit(1);
});
