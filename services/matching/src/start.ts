/**
 * Boot: config → model (latest snapshot, else empty) → consumer from the snapshot's offsets → listen.
 * Any boot failure prints one line saying what is wrong and exits 1. SIGTERM/SIGINT: stop serving, stop
 * consuming, write a last snapshot (so the next start replays only what came after), exit.
 * MATCHING_WORKERS > 1: this process only supervises that many replicas of all the above (replicas.ts).
 */
import cluster from 'node:cluster';
import { jwksKeys } from '@hoanhap/auth';
import { createLogger, gracefulShutdown, listenOn, portOf, runService, serveFromFrontThread } from '@hoanhap/kit';
import { loadMatchingConfig } from './config';
import { startMatchingRuntime } from './matching-runtime';
import { replicaInstanceId, superviseReplicas } from './replicas';

async function main(): Promise<void> {
  const config = loadMatchingConfig();
  const logger = createLogger({ name: 'matching' });
  if (config.workers > 1 && cluster.isPrimary) return superviseReplicas(config.workers, logger);
  const instanceId = replicaInstanceId(config.instanceId);
  const runtime = await startMatchingRuntime({ ...config, instanceId, keys: jwksKeys(config.jwksUrl), logger });
  // replicas share their port through node:cluster, which a worker thread cannot listen through
  const front = config.frontThread && config.workers === 1;
  const server = front ? await serveFromFrontThread(runtime.app, { port: config.port, logger }) : await listenOn(runtime.app, config.port);
  logger.info({ port: 'port' in server ? server.port : portOf(server), frontThread: front, instanceId, restoredFrom: runtime.restored?.takenAt ?? null, groupId: runtime.groupId }, 'matching listening');
  const shutdown = gracefulShutdown(server, { logger, timeoutMs: 60_000 });
  shutdown.onShutdown('consumer and last snapshot', () => runtime.close());
}

void runService('matching', main);
