import { join } from 'node:path';
import type { Express } from 'express';
import type { Connection } from 'mongoose';
import type { Verifier } from '@hoanhap/auth';
import { type AggregateStore, createAggregateStore, type LockRedis } from '@hoanhap/events';
import { createApp, type Logger, mongoCheck, type ReadinessCheck, redisCheck, redisIdempotencyCache, type IndexRedis } from '@hoanhap/kit';
import type { CollegesContext, CollegesSettings } from './domain/colleges.context';
import { KeyedQueue } from './domain/keyed-queue';
import { cohortRoutes } from './routes/cohorts.routes';
import { courseRoutes } from './routes/courses.routes';
import { enrolmentRoutes } from './routes/enrolments.routes';
import { organisationRoutes } from './routes/organisations.routes';
import { attendanceRepository } from './store/attendance.repository';
import { certificateRepository, type RedisClient } from './store/certificate.repository';
import { cohortRepository } from './store/cohort.repository';
import { collegeRepository } from './store/college.repository';
import { courseRepository } from './store/course.repository';
import { enrolmentRepository } from './store/enrolment.repository';
import { returneeRepository } from './store/returnee.repository';
import { seatRepository } from './store/seat.repository';

export const OPENAPI_FILE = join(__dirname, '..', 'openapi.yaml');

export interface CollegesDeps {
  connection: Connection;
  redis: RedisClient & LockRedis & IndexRedis & Parameters<typeof redisIdempotencyCache>[0];
  /** Prepended to every Redis key (`colleges:`; tests pass their namespace's prefix). */
  redisPrefix: string;
  verify: Verifier;
  settings: CollegesSettings;
  readiness?: Record<string, ReadinessCheck>;
  logger?: Logger;
}

type Store = AggregateStore<Record<string, unknown>>;

export interface Colleges {
  app: Express;
  ctx: CollegesContext;
  /** The aggregate stores whose outboxes the relays publish (see events/messaging.ts). */
  stores: { cohorts: Store; enrolments: Store; certificates: Store };
  /** Builds the indexes (the unique ones guard seats, enrolments and certificates) before the first request. */
  prepare(): Promise<void>;
  /** Waits for queued writes to finish (graceful shutdown, tests). */
  drain(): Promise<void>;
}

/** The colleges service without `listen`: start.ts listens, tests use supertest on port 0. */
export function createCollegesApp(deps: CollegesDeps): Colleges {
  const { connection } = deps;
  // a change holds its aggregate's lock across a seat claim (a few FerretDB round trips): under load on two
  // shared cores that can take seconds, so the lock lives 30 s (it only matters if a holder dies) and
  // waiters wait up to 15 s before answering 503 SERVICE.BUSY
  const storeOf = (collection: string): Store =>
    createAggregateStore({ connection, collection, redis: deps.redis, redisPrefix: deps.redisPrefix, lockTtlMs: 30_000, lockWaitMs: 15_000 });
  const stores = { cohorts: storeOf('cohorts'), enrolments: storeOf('enrolments'), certificates: storeOf('certificates') };
  const ctx: CollegesContext = {
    colleges: collegeRepository(connection),
    courses: courseRepository(connection),
    cohorts: cohortRepository(connection, stores.cohorts),
    enrolments: enrolmentRepository(connection, stores.enrolments, deps.redis, deps.redisPrefix),
    seats: seatRepository(connection, deps.redis, deps.redisPrefix),
    certificates: certificateRepository(connection, stores.certificates, deps.redis, deps.redisPrefix),
    attendance: attendanceRepository(connection),
    returnees: returneeRepository(connection),
    queues: { settle: new KeyedQueue(), courses: new KeyedQueue() },
    settings: deps.settings,
    idempotencyCache: redisIdempotencyCache(deps.redis, { prefix: deps.redisPrefix }),
  };
  const app = createApp({
    name: 'colleges',
    openapi: OPENAPI_FILE,
    routes: [organisationRoutes(ctx, deps.verify), courseRoutes(ctx, deps.verify), cohortRoutes(ctx, deps.verify), enrolmentRoutes(ctx, deps.verify)],
    readiness: { mongo: mongoCheck(connection), redis: redisCheck(deps.redis), ...deps.readiness },
    logger: deps.logger,
    // behind the gateway on loopback: req.ip is the client's
    trustProxy: 'loopback',
  });
  const repositories = [ctx.colleges, ctx.courses, ctx.cohorts, ctx.enrolments, ctx.seats, ctx.certificates, ctx.attendance, ctx.returnees];
  return {
    app,
    ctx,
    stores,
    prepare: async () => {
      await Promise.all(repositories.map((r) => r.init()));
    },
    drain: async () => {
      await Promise.all([ctx.queues.settle.idle(), ctx.queues.courses.idle()]);
    },
  };
}
