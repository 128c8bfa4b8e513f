import { Router } from 'express';
import type { Logger } from 'pino';
import { sendProblem } from '../errors/error-handler.middleware';

/** Resolves when a dependency answers, throws (or rejects) when it does not. */
export type ReadinessCheck = () => Promise<unknown>;

async function within(check: ReadinessCheck, timeoutMs: number): Promise<void> {
  let timer: NodeJS.Timeout | undefined;
  const timeout = new Promise<never>((_, reject) => {
    timer = setTimeout(() => reject(new Error(`no answer within ${timeoutMs} ms`)), timeoutMs);
  });
  try {
    await Promise.race([check(), timeout]);
  } finally {
    clearTimeout(timer);
  }
}

/**
 * `/healthz`: the process answers. `/readyz`: every injected check (Mongo,
 * Kafka, Redis…) answers within the timeout; otherwise 503 problem+json naming
 * which are down. Reasons go to the log, not to the caller.
 */
export function healthRoutes(checks: Record<string, ReadinessCheck>, logger: Logger, timeoutMs = 2_000): Router {
  const router = Router();
  router.get('/healthz', (_req, res) => {
    res.json({ status: 'up' });
  });
  router.get('/readyz', async (_req, res) => {
    const names = Object.keys(checks);
    const outcomes = await Promise.allSettled(names.map((name) => within(checks[name]!, timeoutMs)));
    const states = Object.fromEntries(names.map((name, i) => [name, outcomes[i]!.status === 'fulfilled' ? 'up' : 'down']));
    const down = names.filter((name) => states[name] === 'down');
    if (down.length === 0) {
      res.json({ status: 'ready', checks: states });
      return;
    }
    outcomes.forEach((outcome, i) => {
      if (outcome.status === 'rejected') logger.warn({ check: names[i], err: outcome.reason }, 'readiness check failed');
    });
    sendProblem(res, {
      type: 'urn:hoanhap:problem:SERVICE.NOT_READY',
      title: 'Service Unavailable',
      status: 503,
      code: 'SERVICE.NOT_READY',
      detail: `not ready: ${down.join(', ')} down`,
      checks: states,
    });
  });
  return router;
}

/** A readiness check for a mongoose connection (a `ping` round trip). */
export function mongoCheck(connection: { db?: { command(c: object): Promise<unknown> } | undefined }): ReadinessCheck {
  return async () => {
    if (!connection.db) throw new Error('not connected');
    await connection.db.command({ ping: 1 });
  };
}

/** A readiness check for a node-redis client. */
export function redisCheck(client: { ping(): Promise<string> }): ReadinessCheck {
  return () => client.ping();
}
