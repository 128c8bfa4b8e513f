import { join } from 'node:path';
import type { Express } from 'express';
import type { Connection } from 'mongoose';
import type { AuditLog } from '@hoanhap/audit';
import type { Verifier } from '@hoanhap/auth';
import { createApp, type Logger, mongoCheck, redisCheck, redisIdempotencyCache } from '@hoanhap/kit';
import { VIETNAM_CALENDAR, type HolidayCalendar } from './domain/calendar/vietnam-holidays.data';
import type { LoansContext, LoansSettings } from './domain/loans.context';
import { CREDIT_POLICIES } from './domain/policy/credit-policies';
import type { CreditPolicy } from './domain/policy/credit-policy.types';
import { applicationRoutes } from './routes/applications.routes';
import { documentRoutes } from './routes/documents.routes';
import { productRoutes } from './routes/products.routes';
import { repaymentRoutes } from './routes/repayments.routes';
import { reviewRoutes } from './routes/review.routes';
import { applicationRepository, type LoansApplicationRepository } from './store/application.repository';
import { diskDocumentStorage } from './store/document-storage';
import type { RedisClient } from './store/redis-client';
import { referralRepository } from './store/referral.repository';
import { returneeRepository } from './store/returnee.repository';

export const OPENAPI_FILE = join(__dirname, '..', 'openapi.yaml');

export interface LoansDeps {
  connection: Connection;
  redis: RedisClient;
  /** Prepended to every Redis key (`loans:`; tests pass their namespace's prefix). */
  redisPrefix: string;
  verify: Verifier;
  audit: AuditLog;
  /** Where uploaded documents are stored (content-addressed). */
  documentsDir: string;
  settings: LoansSettings;
  policies?: readonly CreditPolicy[];
  calendar?: HolidayCalendar;
  /** The clock; tests pin it to cross a weekend or Tết. */
  now?: () => Date;
  logger?: Logger;
}

export interface Loans {
  app: Express;
  ctx: LoansContext;
  applications: LoansApplicationRepository;
  /** Indexes and the audit chain's index, before the first request. */
  prepare(): Promise<void>;
}

/** The loans service without `listen`: start.ts listens, tests use supertest on port 0. */
export function createLoansApp(deps: LoansDeps): Loans {
  const applications = applicationRepository(deps.connection, deps.redis, deps.redisPrefix);
  const ctx: LoansContext = {
    applications,
    returnees: returneeRepository(deps.connection),
    referrals: referralRepository(deps.connection),
    documents: diskDocumentStorage(deps.documentsDir),
    audit: deps.audit,
    policies: deps.policies ?? CREDIT_POLICIES,
    calendar: deps.calendar ?? VIETNAM_CALENDAR,
    settings: deps.settings,
    idempotencyCache: redisIdempotencyCache(deps.redis, { prefix: deps.redisPrefix }),
    now: deps.now ?? (() => new Date()),
  };
  const app = createApp({
    name: 'loans',
    openapi: OPENAPI_FILE,
    routes: [productRoutes(ctx), applicationRoutes(ctx, deps.verify), documentRoutes(ctx, deps.verify), reviewRoutes(ctx, deps.verify), repaymentRoutes(ctx, deps.verify)],
    readiness: { mongo: mongoCheck(deps.connection), redis: redisCheck(deps.redis) },
    logger: deps.logger,
    trustProxy: 'loopback',
  });
  return {
    app,
    ctx,
    applications,
    prepare: async () => {
      await Promise.all([applications.init(), deps.audit.init()]);
    },
  };
}
