import { join } from 'node:path';
import type { Express } from 'express';
import type { Connection } from 'mongoose';
import { createVerifier, signAccessToken, staticKeys } from '@hoanhap/auth';
import { createApp, type Logger, mongoCheck, redisCheck, redisIdempotencyCache } from '@hoanhap/kit';
import type { IdentityContext, IdentitySettings } from './domain/identity.context';
import { jwksOf, type KeyRing, publicKeysOf } from './keys/key-ring';
import { authRoutes } from './routes/auth.routes';
import { organisationRoutes } from './routes/organisations.routes';
import { userRoutes } from './routes/users.routes';
import { loginAttemptRepository } from './store/login-attempt.repository';
import { noticeReadsRepository } from './store/notice-reads.repository';
import { organisationRepository } from './store/organisation.repository';
import type { RedisClient } from './store/redis-client';
import { refreshTokenRepository } from './store/refresh-token.repository';
import { userRepository } from './store/user.repository';

export const OPENAPI_FILE = join(__dirname, '..', 'openapi.yaml');

export interface IdentityDeps {
  connection: Connection;
  redis: RedisClient;
  /** Prepended to every Redis key (`identity:`; tests pass their namespace's prefix). */
  redisPrefix: string;
  keys: KeyRing;
  issuer: string;
  audience: string;
  settings: IdentitySettings;
  /** Clock skew tolerated when identity checks its own tokens (/auth/me). Default 5 s. */
  clockToleranceSec?: number;
  logger?: Logger;
}

export interface Identity {
  app: Express;
  ctx: IdentityContext;
  /** Builds the indexes (the unique email index above all) before the first request. */
  prepare(): Promise<void>;
}

/** Read marks kept per user: each inbox source lists at most 50 notices per kind, so this covers all at once. */
const NOTICE_READS_KEPT = 500;

/** The identity service without `listen`: start.ts listens, tests use supertest on port 0. */
export function createIdentityApp(deps: IdentityDeps): Identity {
  const ctx: IdentityContext = {
    organisations: organisationRepository(deps.connection),
    users: userRepository(deps.connection),
    refreshTokens: refreshTokenRepository(deps.redis, deps.redisPrefix),
    loginAttempts: loginAttemptRepository(deps.redis, deps.redisPrefix),
    noticeReads: noticeReadsRepository(deps.connection, deps.redis, deps.redisPrefix, NOTICE_READS_KEPT),
    signAccessToken: (claims) =>
      signAccessToken(claims, deps.keys.signing, { issuer: deps.issuer, audience: deps.audience, expiresInSec: deps.settings.accessTokenTtlSec }),
    settings: deps.settings,
    idempotencyCache: redisIdempotencyCache(deps.redis, { prefix: deps.redisPrefix }),
  };
  // identity checks its own tokens with its own keys: no HTTP round trip to itself
  const verify = createVerifier({
    issuer: deps.issuer,
    audience: deps.audience,
    keys: staticKeys(publicKeysOf(deps.keys)),
    clockToleranceSec: deps.clockToleranceSec ?? 5,
  });
  const jwks = jwksOf(deps.keys);
  const app = createApp({
    name: 'identity',
    openapi: OPENAPI_FILE,
    routes: [authRoutes(ctx, verify, () => jwks), organisationRoutes(ctx, verify), userRoutes(ctx, verify)],
    readiness: { mongo: mongoCheck(deps.connection), redis: redisCheck(deps.redis) },
    logger: deps.logger,
    // behind the gateway on loopback: req.ip is the client's
    trustProxy: 'loopback',
  });
  return {
    app,
    ctx,
    prepare: async () => {
      await Promise.all([ctx.organisations.init(), ctx.users.init(), ctx.noticeReads.init()]);
    },
  };
}
