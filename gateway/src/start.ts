import { existsSync } from 'node:fs';
import { join } from 'node:path';
import pino from 'pino';
import { createClient } from 'redis';
import { jwksVerifier } from '@hoanhap/auth';
import { ConfigError, createLogger, gracefulShutdown } from '@hoanhap/kit';
import { createApp } from './app';
import { loadGatewayConfig } from './config';
import { answerClientErrors } from './http/client-errors';
import { createUpstreamAgent } from './proxy/upstream-proxy';
import { SERVICES, type ServiceTarget } from './services';

// Log lines are buffered (4 KB, flushed every second and at exit): a write per request was a tenth
// of the gateway's CPU. A crash can lose at most the last second of access lines.
const destination = pino.destination({ dest: 1, sync: false, minLength: 4096 });
setInterval(() => destination.flush(), 1_000).unref();
const logger = createLogger({ name: 'gateway', destination });
const accessLogger = pino({ name: 'gateway', level: logger.level }, destination);

async function main(): Promise<void> {
  const config = loadGatewayConfig();
  // A service's document is read from the repository at start; one without a file is not deployed yet.
  const services: ServiceTarget[] = SERVICES.map((s) => {
    const file = join(config.servicesDir, s.name, 'openapi.yaml');
    return { name: s.name, url: config[`${s.name}Url`], openapi: existsSync(file) ? file : undefined };
  });
  // Without the offline queue a Redis outage fails a command at once (and the limiter lets the request through) instead of hanging it.
  const redis = createClient({ url: config.redisUrl, disableOfflineQueue: true });
  redis.on('error', (error) => logger.warn({ err: error }, 'redis error'));
  await redis.connect();
  const agent = createUpstreamAgent({ connectTimeoutMs: config.upstreamConnectTimeoutMs });

  const app = createApp({
    services,
    verify: jwksVerifier({ jwksUrl: config.jwksUrl, issuer: config.jwtIssuer, audience: config.jwtAudience }),
    agent,
    redis,
    rateLimits: {
      perIp: config.rateLimitIpPerMinute,
      perUser: config.rateLimitUserPerMinute,
      windowMs: config.rateLimitWindowMs,
      prefix: 'gw:rl:',
    },
    webOrigins: config.webOrigins,
    bodyLimitBytes: config.bodyLimitBytes,
    upstreamTimeoutMs: config.upstreamTimeoutMs,
    readyTimeoutMs: config.readyTimeoutMs,
    trustProxyHops: config.trustProxyHops,
    webDistDir: config.webDistDir,
    logger,
    accessLogger,
  });
  // Express 5 hands a listen error (EADDRINUSE) to listen's callback, not to an 'error' event: with the callback alone a
  // gateway whose port was taken stayed up without listening and logged nothing (one way to explain a CI run in which
  // the gateway neither answered /healthz nor wrote a line for 180 s); now it fails to start, and says why
  const server = app.listen(config.port);
  await new Promise<void>((resolve, reject) => server.once('listening', resolve).once('error', reject));
  const missing = services.filter((s) => !s.openapi).map((s) => s.name);
  logger.info({ port: config.port, notDeployed: missing }, `gateway listening on http://127.0.0.1:${config.port}`);
  // Longer than the services' keep-alive would be wrong for a load balancer in front; 65 s is the usual pairing.
  server.keepAliveTimeout = 65_000;
  answerClientErrors(server);
  const shutdown = gracefulShutdown(server, { logger });
  shutdown.onShutdown('upstream connections', () => agent.close());
  shutdown.onShutdown('redis', () => redis.quit());
}

main().catch((error: unknown) => {
  if (error instanceof ConfigError) logger.error(error.message);
  else logger.error({ err: error }, 'gateway failed to start');
  // the log is buffered: written out before the exit
  destination.flushSync();
  process.exit(1);
});
