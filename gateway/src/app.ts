import { join } from 'node:path';
import cors from 'cors';
import express, { type Express, type Request } from 'express';
import helmet from 'helmet';
import { Histogram } from 'prom-client';
import type { Dispatcher } from 'undici';
import type { Verifier } from '@hoanhap/auth';
import {
  AppError,
  createLogger,
  createMetricsRegistry,
  errorHandler,
  healthRoutes,
  loadOpenApi,
  type Logger,
  openApiResponseValidator,
  requestContext,
  validatesResponsesByDefault,
} from '@hoanhap/kit';
import { accessLog } from './http/access-log.middleware';
import { mergeOpenApi, type SourceDocument } from './openapi/merge-openapi';
import { createRouteTable } from './openapi/route-table';
import { createProxy } from './proxy/upstream-proxy';
import { createRateLimiter, type RateLimits, type RedisScripting } from './rate-limit/redis-rate-limiter';
import { docsRoutes } from './routes/docs.routes';
import { readinessChecks } from './routes/readiness';
import { referenceRoutes } from './routes/reference.routes';
import { serviceRoutes } from './routes/service.routes';
import { webUiRoutes } from './routes/web-ui.routes';
import type { ServiceTarget } from './services';

export const GATEWAY_OPENAPI = join(__dirname, '..', 'openapi.yaml');
const LOOPBACK = /^(127\.|::1$|::ffff:127\.)/;

export interface GatewayDeps {
  /** Every service behind the gateway; one without `openapi` is not deployed yet and answers 503. */
  services: ServiceTarget[];
  /** Verifies access tokens (identity's JWKS in production, a test issuer's in tests). */
  verify: Verifier;
  /** Connection pool to the services (`createUpstreamAgent`); the caller closes it. */
  agent: Dispatcher;
  redis: RedisScripting & { ping(): Promise<unknown> };
  rateLimits: RateLimits;
  webOrigins: string[];
  bodyLimitBytes: number;
  upstreamTimeoutMs: number;
  readyTimeoutMs: number;
  trustProxyHops?: number;
  webDistDir?: string;
  /** The gateway's own document; gateway/openapi.yaml by default. */
  gatewayOpenApi?: string;
  logger?: Logger;
  /** Where plain access lines go: a logger without redaction (their fields are known-safe); `logger` by default. */
  accessLogger?: Logger;
  /**
   * Checks the gateway's own JSON answers (probes, reference data) against its document, as kit's createApp does
   * in every service (a mismatch becomes a 500 problem naming the field). By default as kit's createApp (VALIDATE_RESPONSES, else NODE_ENV=test).
   */
  validateResponses?: boolean;
}

/**
 * The gateway's express app (no listen). Order matters: ids, access log and
 * CORS first, then `/auth` and `/api` (match → token + limits + role →
 * forward: the hot path, so as few layers as possible before it), then the
 * gateway's own pages behind helmet (probes, metrics, reference data,
 * OpenAPI, docs, the web app); proxied responses carry their service's
 * security headers.
 */
export function createApp(deps: GatewayDeps): Express {
  const logger = deps.logger ?? createLogger({ name: 'gateway' });
  const deployed = deps.services.filter((s): s is ServiceTarget & { openapi: NonNullable<ServiceTarget['openapi']> } => s.openapi !== undefined);
  const sources: SourceDocument[] = [
    { service: 'gateway', document: deps.gatewayOpenApi ?? GATEWAY_OPENAPI },
    ...deployed.map((s) => ({ service: s.name, document: s.openapi as SourceDocument['document'] })),
  ];
  const merged = mergeOpenApi(sources);
  const registry = createMetricsRegistry();
  const histogram = new Histogram({
    name: 'http_request_duration_seconds',
    help: 'Gateway request duration in seconds, by route template, method and status',
    labelNames: ['route', 'method', 'status'],
    buckets: [0.002, 0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 2.5, 5, 10],
    registers: [registry],
  });

  const app = express();
  app.disable('x-powered-by');
  app.disable('etag');
  app.set('trust proxy', deps.trustProxyHops ?? 0);
  app.use(requestContext());
  app.use(accessLog(logger, histogram, deps.accessLogger));
  app.use(
    cors({
      origin: deps.webOrigins,
      credentials: true,
      allowedHeaders: ['Authorization', 'Content-Type', 'Idempotency-Key', 'X-Request-Id', 'X-Correlation-Id'],
      exposedHeaders: ['X-Request-Id', 'X-Correlation-Id', 'Retry-After', 'Location', 'WWW-Authenticate'],
      maxAge: 600,
    }),
  );
  app.use(
    serviceRoutes({
      table: createRouteTable(merged.operations),
      origins: new Map(deps.services.map((s) => [s.name, new URL(s.url).origin])),
      undeployed: new Set(deps.services.filter((s) => s.openapi === undefined).map((s) => s.name)),
      verify: deps.verify,
      limiter: createRateLimiter(deps.redis, deps.rateLimits, logger),
      forward: createProxy(deps.agent, { timeoutMs: deps.upstreamTimeoutMs, bodyLimitBytes: deps.bodyLimitBytes }),
    }),
  );
  app.use(helmet());
  if (deps.validateResponses ?? validatesResponsesByDefault()) {
    app.use(openApiResponseValidator(loadOpenApi(deps.gatewayOpenApi ?? GATEWAY_OPENAPI), logger));
  }
  // a service with no document yet is not deployed: it is not "down", so it does not hold readiness back
  app.use(healthRoutes(readinessChecks(deps.agent, deployed, deps.readyTimeoutMs, () => deps.redis.ping()), logger, deps.readyTimeoutMs));
  // The gateway faces the internet: its metrics are for a scraper on the same host, not for clients.
  app.get('/metrics', async (req, res, next) => {
    if (!LOOPBACK.test(req.socket.remoteAddress ?? '')) return next();
    res.type(registry.contentType).send(await registry.metrics());
  });
  app.use(referenceRoutes());
  app.use(docsRoutes(merged.document));
  if (deps.webDistDir) app.use(webUiRoutes(deps.webDistDir));
  app.use((req: Request) => {
    throw new AppError('ROUTE.NOT_FOUND', 404, `no route ${req.method} ${req.originalUrl.split('?', 1)[0]}`);
  });
  app.use(errorHandler());
  app.locals.openapi = merged.document;
  return app;
}
