import { join } from 'node:path';
import type { Express } from 'express';
import type { Connection } from 'mongoose';
import type { Verifier } from '@hoanhap/auth';
import type { AggregateStore, LockRedis } from '@hoanhap/events';
import { createApp, type IndexRedis, type Logger, mongoCheck, redisCheck, redisIdempotencyCache } from '@hoanhap/kit';
import type { EmployersContext } from './domain/employers.context';
import { applicationRoutes } from './routes/applications.routes';
import { invitationRoutes } from './routes/invitations.routes';
import { jobRoutes } from './routes/jobs.routes';
import { organisationRoutes } from './routes/organisations.routes';
import { applicationRepository } from './store/application.repository';
import { checkInRepository } from './store/check-in.repository';
import { invitationRepository } from './store/invitation.repository';
import { jobRepository } from './store/job.repository';
import { openingClaimsRepository } from './store/opening-claims.repository';
import { organisationRepository } from './store/organisation.repository';
import { returneeProfileRepository } from './store/returnee-profile.repository';

export const OPENAPI_FILE = join(__dirname, '..', 'openapi.yaml');

type RedisClient = LockRedis & IndexRedis & Parameters<typeof redisCheck>[0] & Parameters<typeof redisIdempotencyCache>[0];

export interface EmployersDeps {
  connection: Connection;
  redis: RedisClient;
  /** Prepended to every Redis key (`employers:`; tests pass their namespace's prefix). */
  redisPrefix: string;
  /** Checks access tokens (identity's JWKS in production, a test issuer's keys in tests). */
  verify: Verifier;
  logger?: Logger;
  /** The clock, so tests can move past a closing date. */
  now?: () => Date;
}

export interface Employers {
  app: Express;
  ctx: EmployersContext;
  /** The stores whose events the outbox relay publishes. */
  outboxStores: AggregateStore<object>[];
  /** Builds the indexes (unique ones above all) before the first request. */
  prepare(): Promise<void>;
}

/** The employers service without `listen`: start.ts listens, tests use supertest on port 0. */
export function createEmployersApp(deps: EmployersDeps): Employers {
  const stores = { connection: deps.connection, redis: deps.redis, redisPrefix: deps.redisPrefix };
  const ctx: EmployersContext = {
    organisations: organisationRepository(stores),
    jobs: jobRepository(stores),
    applications: applicationRepository(stores),
    profiles: returneeProfileRepository(deps.connection),
    invitations: invitationRepository(stores),
    checkIns: checkInRepository(stores),
    openings: openingClaimsRepository(deps.connection, deps.redis, deps.redisPrefix),
    idempotencyCache: redisIdempotencyCache(deps.redis, { prefix: deps.redisPrefix }),
    now: deps.now ?? (() => new Date()),
  };
  const app = createApp({
    name: 'employers',
    openapi: OPENAPI_FILE,
    routes: [
      organisationRoutes(ctx, deps.verify),
      jobRoutes(ctx, deps.verify),
      applicationRoutes(ctx, deps.verify),
      invitationRoutes(ctx, deps.verify),
    ],
    readiness: { mongo: mongoCheck(deps.connection), redis: redisCheck(deps.redis) },
    logger: deps.logger,
    // behind the gateway on loopback: req.ip is the client's
    trustProxy: 'loopback',
  });
  const repositories = [ctx.organisations, ctx.jobs, ctx.applications, ctx.profiles, ctx.invitations, ctx.checkIns, ctx.openings];
  return {
    app,
    ctx,
    outboxStores: [ctx.jobs.store, ctx.applications.store, ctx.invitations.store, ctx.checkIns.store],
    prepare: async () => {
      for (const repository of repositories) await repository.init();
    },
  };
}
