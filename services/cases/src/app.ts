import type { Express } from 'express';
import type { Connection } from 'mongoose';
import { createAuditLog, type AuditLog } from '@hoanhap/audit';
import type { Verifier } from '@hoanhap/auth';
import { createAggregateStore, type AggregateStore, type LockRedis } from '@hoanhap/events';
import { createApp, type Logger, mongoCheck, redisCheck, redisIdempotencyCache } from '@hoanhap/kit';
import { casesLogger } from './cases-logger';
import type { CasesContext, CasesSettings } from './domain/cases.context';
import { OPENAPI_FILE } from './openapi-file';
import { importRoutes } from './routes/import.routes';
import { invitationRoutes } from './routes/invitations.routes';
import { referralRoutes } from './routes/referrals.routes';
import { reportRoutes } from './routes/reports.routes';
import { returneeRoutes } from './routes/returnees.routes';
import { busyAsUnavailable } from './store/busy-as-unavailable';
import { importBatchRepository } from './store/import-batch.repository';
import { invitationRepository, type InvitationState } from './store/invitation.repository';
import { referralRepository, type ReferralState } from './store/referral.repository';
import { returneeRepository, type ReturneeState } from './store/returnee.repository';
import { targetRepository } from './store/target.repository';

export { OPENAPI_FILE };

type RedisClient = LockRedis & Parameters<typeof redisCheck>[0] & Parameters<typeof redisIdempotencyCache>[0];

export interface CasesDeps {
  connection: Connection;
  redis: RedisClient;
  /** Prepended to every Redis key (`cases:`; tests pass their namespace's prefix). */
  redisPrefix: string;
  /** Verifies access tokens (JWKS from identity; the test issuer's keys in tests). */
  verify: Verifier;
  settings: CasesSettings & { importMaxRows: number; importMaxBytes: number };
  clock?: () => Date;
  audit?: AuditLog;
  logger?: Logger;
}

export interface Cases {
  app: Express;
  ctx: CasesContext;
  /** The aggregate stores whose outboxes the relays publish. */
  stores: {
    returnees: AggregateStore<ReturneeState>;
    referrals: AggregateStore<ReferralState>;
    invitations: AggregateStore<InvitationState>;
  };
  /** Indexes (the unique national-ID index above all) before the first request. */
  prepare(): Promise<void>;
}

/** The cases service without `listen`: start.ts listens, tests use supertest on port 0. */
export function createCasesApp(deps: CasesDeps): Cases {
  // a burst of writes to one file queues behind its lock rather than failing fast with 503
  const storeOptions = { connection: deps.connection, redis: deps.redis, redisPrefix: deps.redisPrefix, lockWaitMs: 10_000 };
  const stores = {
    returnees: createAggregateStore<ReturneeState>({ ...storeOptions, collection: 'returnees' }),
    referrals: createAggregateStore<ReferralState>({ ...storeOptions, collection: 'referrals' }),
    invitations: createAggregateStore<InvitationState>({ ...storeOptions, collection: 'invitations' }),
  };
  const ctx: CasesContext = {
    returnees: busyAsUnavailable(returneeRepository(stores.returnees, deps.connection)),
    referrals: busyAsUnavailable(referralRepository(stores.referrals, deps.connection)),
    invitations: busyAsUnavailable(invitationRepository(stores.invitations)),
    targets: targetRepository(deps.connection),
    imports: importBatchRepository(deps.connection),
    audit: deps.audit ?? createAuditLog(deps.connection),
    settings: deps.settings,
    clock: deps.clock ?? (() => new Date()),
    idempotencyCache: redisIdempotencyCache(deps.redis, { prefix: deps.redisPrefix }),
  };
  const app = createApp({
    name: 'cases',
    openapi: OPENAPI_FILE,
    routes: [
      importRoutes(ctx, deps.verify, deps.settings),
      returneeRoutes(ctx, deps.verify),
      referralRoutes(ctx, deps.verify),
      invitationRoutes(ctx, deps.verify),
      reportRoutes(ctx, deps.verify),
    ],
    readiness: { mongo: mongoCheck(deps.connection), redis: redisCheck(deps.redis) },
    logger: deps.logger ?? casesLogger(),
    trustProxy: 'loopback',
  });
  return {
    app,
    ctx,
    stores,
    prepare: async () => {
      await Promise.all([
        ctx.returnees.init(),
        ctx.referrals.init(),
        ctx.invitations.init(),
        ctx.targets.init(),
        ctx.imports.init(),
        ctx.audit.init(),
      ]);
    },
  };
}
