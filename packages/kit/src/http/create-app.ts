import express, { type Express, type Request, type Router } from 'express';
import helmet from 'helmet';
import type { Logger } from 'pino';
import type { Registry } from 'prom-client';
import { AppError } from '../errors/app-error';
import { errorHandler } from '../errors/error-handler.middleware';
import { healthRoutes, type ReadinessCheck } from '../health/health.routes';
import { httpLogger } from '../log/http-logger.middleware';
import { createLogger } from '../log/logger';
import { createMetricsRegistry, metricsHandler, metricsMiddleware } from '../metrics/metrics';
import { loadOpenApi, type OpenApiDocument } from '../openapi/openapi-document';
import { openApiValidator } from '../openapi/openapi-validator.middleware';
import { openApiResponseValidator, responseChecker, validatesResponsesByDefault } from '../openapi/response-validator.middleware';
import { DEFAULT_MAX_IN_FLIGHT, inFlightLimit } from './in-flight-limit.middleware';
import { requestContext } from './request-context.middleware';

export interface AppDeps {
  /** The service's name, on logs. */
  name: string;
  /** The service's routers, mounted in order after validation. */
  routes: Router | Router[];
  /** The service's OpenAPI 3.1 document (path to openapi.yaml, or parsed); every request is checked against it. */
  openapi?: string | OpenApiDocument;
  /** Readiness checks by dependency name (`mongo`, `kafka`, `redis`), for `/readyz`. */
  readiness?: Record<string, ReadinessCheck>;
  logger?: Logger;
  /** Registry for `/metrics`; a fresh one with default process metrics otherwise. */
  metrics?: Registry;
  /** Largest JSON body accepted (bytes or `'100kb'`); larger ones get 413. Default 100kb. */
  bodyLimit?: string | number;
  /** Express' `trust proxy` (behind the gateway), so `req.ip` is the client's. */
  trustProxy?: boolean | number | string;
  /** Requests worked on at once; more are answered 503 SERVICE.OVERLOADED (default MAX_IN_FLIGHT, or 64). */
  maxInFlight?: number;
  /**
   * Checks every JSON answer against the schema `openapi` declares for its status; a mismatch becomes a 500
   * problem+json naming the operation and each failing field (see openApiResponseValidator). By default as
   * VALIDATE_RESPONSES says, else on when NODE_ENV is `test` (jest sets it), off otherwise: it serialises every
   * answer twice.
   */
  validateResponses?: boolean;
}

/**
 * The express 5 app every service starts from: security headers, request and
 * correlation ids, redacted request logs, metrics, health, JSON bodies with a
 * size limit, OpenAPI request validation, the service's routes, 404/405 and
 * the one error handler (problem+json, never a stack). No `listen`: tests use
 * port 0 through supertest, `start.ts` listens.
 */
export function createApp(deps: AppDeps): Express {
  const logger = deps.logger ?? createLogger({ name: deps.name });
  const registry = deps.metrics ?? createMetricsRegistry();
  const app = express();
  app.disable('x-powered-by');
  if (deps.trustProxy !== undefined) app.set('trust proxy', deps.trustProxy);
  app.locals.logger = logger;
  app.locals.metrics = registry;

  app.use(helmet());
  app.use(requestContext());
  app.use(httpLogger(logger));
  app.use(metricsMiddleware(registry));
  app.use(healthRoutes(deps.readiness ?? {}, logger));
  app.get('/metrics', metricsHandler(registry));
  // after health and metrics: a busy service still answers its probes
  app.use(inFlightLimit(deps.maxInFlight ?? Number(process.env.MAX_IN_FLIGHT ?? DEFAULT_MAX_IN_FLIGHT)));

  app.use(express.json({ limit: deps.bodyLimit ?? '100kb', type: ['application/json', 'application/*+json'] }));
  if (deps.openapi) {
    const document = typeof deps.openapi === 'string' ? loadOpenApi(deps.openapi) : deps.openapi;
    app.use(openApiValidator(document));
    if (deps.validateResponses ?? validatesResponsesByDefault()) {
      const check = responseChecker(document);
      // hot routes answer outside express: they check their answers with the same checker (withHotRoutes)
      app.locals.responseCheck = check;
      app.use(openApiResponseValidator(document, logger, check));
    }
  }
  for (const router of Array.isArray(deps.routes) ? deps.routes : [deps.routes]) app.use(router);

  app.use((req: Request) => {
    throw new AppError('ROUTE.NOT_FOUND', 404, `no route ${req.method} ${req.path}`);
  });
  app.use(errorHandler());
  return app;
}
