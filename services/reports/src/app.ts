import type { Express } from 'express';
import type { Connection } from 'mongoose';
import type { Verifier } from '@hoanhap/auth';
import { createApp, type Logger, createLogger, mongoCheck, redisCheck } from '@hoanhap/kit';
import type { ReportsContext, ReportsStore } from './domain/reports.context';
import { OPENAPI_FILE } from './openapi-file';
import { reportRoutes } from './routes/reports.routes';
import { factRepository } from './store/fact.repository';
import { figureCounters, type CounterRedis } from './store/figure-counters';
import { placeRepository } from './store/place.repository';

export { OPENAPI_FILE };

export interface ReportsDeps {
  connection: Connection;
  /**
   * The figure counters (and readiness). The facts themselves live in FerretDB (durable, rebuildable by
   * replay); without Redis, every summary is counted from them.
   */
  redis?: Parameters<typeof redisCheck>[0] & CounterRedis;
  /** Prepended to every Redis key (tests give each file its own). */
  redisPrefix?: string;
  /** Verifies access tokens (JWKS from identity; the test issuer's keys in tests). */
  verify: Verifier;
  clock?: () => Date;
  logger?: Logger;
}

export interface Reports {
  app: Express;
  ctx: ReportsContext;
  /** Indexes before the first request. */
  prepare(): Promise<void>;
}

export function createReportsStore(connection: Connection, redis?: CounterRedis, redisPrefix = ''): ReportsStore {
  const places = placeRepository(connection);
  return { places, facts: factRepository(connection, places, redis && figureCounters(redis, redisPrefix)) };
}

/** The reports service without `listen`: start.ts listens, tests use supertest on port 0. */
export function createReportsApp(deps: ReportsDeps): Reports {
  const ctx: ReportsContext = {
    store: createReportsStore(deps.connection, deps.redis, deps.redisPrefix),
    clock: deps.clock ?? (() => new Date()),
  };
  const app = createApp({
    name: 'reports',
    openapi: OPENAPI_FILE,
    routes: [reportRoutes(ctx, deps.verify)],
    readiness: { mongo: mongoCheck(deps.connection), ...(deps.redis && { redis: redisCheck(deps.redis) }) },
    logger: deps.logger ?? createLogger({ name: 'reports' }),
    trustProxy: 'loopback',
  });
  return { app, ctx, prepare: () => ctx.store.facts.init() };
}
