import cluster, { type Worker } from 'node:cluster';
import { restartBackoff, type Logger, type RestartBackoff } from '@hoanhap/kit';

/** The environment variable that tells a forked replica its number (0 … count − 1). */
export const REPLICA_ENV = 'MATCHING_REPLICA';
/** Longer than a replica's own graceful shutdown (60 s, start.ts): then they are killed. */
const STOP_TIMEOUT_MS = 70_000;

/**
 * This process's instance id: the configured one, or `<id>-r<n>` in replica n of a MATCHING_WORKERS > 1
 * service, so that each replica has a snapshot folder and consumer groups of its own, stable across restarts.
 */
export function replicaInstanceId(instanceId: string, env: NodeJS.ProcessEnv = process.env): string {
  const replica = env[REPLICA_ENV];
  return cluster.isWorker && replica !== undefined ? `${instanceId}-r${replica}` : instanceId;
}

/**
 * The primary of a matching service run as `count` replicas on one host (node:cluster): each replica is a whole
 * instance — its own model, rebuilt from Kafka or its snapshot — and they share the port, so one service uses
 * every core. A replica that exits is started again with backoff; SIGTERM/SIGINT stops every replica (each
 * writes its last snapshot) and exits when they all have: 0, or 1 when one of them did not end cleanly.
 */
export function superviseReplicas(count: number, logger: Logger): void {
  const replicas = new Map<number, { worker?: Worker; backoff: RestartBackoff; timer?: NodeJS.Timeout }>();
  let stopping = false;
  let failed = false;

  const launch = (n: number) => {
    const entry = replicas.get(n) ?? { backoff: restartBackoff() };
    replicas.set(n, entry);
    entry.backoff.started();
    const worker = cluster.fork({ [REPLICA_ENV]: String(n) });
    entry.worker = worker;
    worker.on('exit', (code, signal) => {
      entry.worker = undefined;
      if (stopping) {
        if (code !== 0) failed = true;
        if ([...replicas.values()].every((r) => !r.worker)) process.exit(failed ? 1 : 0);
        return;
      }
      const delayMs = entry.backoff.next();
      logger.error({ replica: n, code, signal, delayMs }, 'matching replica exited; starting it again');
      entry.timer = setTimeout(() => launch(n), delayMs);
    });
  };

  const stop = (signal: NodeJS.Signals) => {
    if (stopping) return;
    stopping = true;
    logger.info({ signal, replicas: count }, 'stopping the matching replicas');
    const live = [...replicas.values()].filter((r) => {
      clearTimeout(r.timer);
      return r.worker;
    });
    if (live.length === 0) process.exit(0);
    // a terminal's Ctrl-C reached the replicas too (same process group); a SIGTERM reached only this process
    for (const r of live) r.worker!.process.kill('SIGTERM');
    setTimeout(() => {
      logger.error('matching replicas did not stop in time');
      for (const r of replicas.values()) r.worker?.process.kill('SIGKILL');
      process.exit(1);
    }, STOP_TIMEOUT_MS).unref();
  };
  process.on('SIGTERM', stop).on('SIGINT', stop);
  for (let n = 0; n < count; n++) launch(n);
  logger.info({ replicas: count }, 'matching replicas started');
}
