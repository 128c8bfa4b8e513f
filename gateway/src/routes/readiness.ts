import type { Dispatcher } from 'undici';
import type { ReadinessCheck } from '@hoanhap/kit';

/** A service is ready when its own /readyz answers 2xx (it checks its database, Kafka…). */
export function serviceReadyCheck(agent: Dispatcher, origin: string, timeoutMs: number): ReadinessCheck {
  return async () => {
    const { statusCode, body } = await agent.request({ origin, path: '/readyz', method: 'GET', headersTimeout: timeoutMs, bodyTimeout: timeoutMs });
    await body.dump();
    if (statusCode >= 300) throw new Error(`/readyz answered ${statusCode}`);
  };
}

/**
 * The gateway's /readyz checks: Redis and every service by name, so the
 * answer says which one is down.
 */
export function readinessChecks(agent: Dispatcher, services: Array<{ name: string; url: string }>, timeoutMs: number, redisPing: () => Promise<unknown>) {
  const checks: Record<string, ReadinessCheck> = { redis: redisPing };
  for (const service of services) checks[service.name] = serviceReadyCheck(agent, new URL(service.url).origin, timeoutMs);
  return checks;
}
