import { join } from 'node:path';
import type { RequestListener } from 'node:http';
import { cachedJwksVerifier, type KeySource } from '@hoanhap/auth';
import { createApp, withHotRoutes, type Logger, type ReadinessCheck } from '@hoanhap/kit';
import type { MatchingContext } from './domain/matching.context';
import { hotMatchRoutes } from './routes/hot-matches.routes';
import { jobCandidateRoutes } from './routes/job-candidates.routes';
import { MatchTimings } from './routes/match-timings';
import { returneeMatchRoutes } from './routes/returnee-matches.routes';

export const OPENAPI_FILE = join(__dirname, '..', 'openapi.yaml');

export interface MatchingAppDeps {
  ctx: MatchingContext;
  /** Where signing keys come from: identity's JWKS in production, a test issuer's keys in tests. */
  keys: KeySource;
  issuer: string;
  audience: string;
  readiness?: Record<string, ReadinessCheck>;
  logger?: Logger;
  /** false: every request through express's full stack (the test comparing both paths' answers). */
  hotRoutes?: boolean;
}

/** The matching service's request listener without a server: start.ts listens, tests use port 0. */
export function createMatchingApp(deps: MatchingAppDeps): RequestListener {
  const verify = cachedJwksVerifier(deps.keys, { issuer: deps.issuer, audience: deps.audience });
  const timings = new MatchTimings();
  const app = createApp({
    name: 'matching',
    // answers come from memory, CPU-bound, with nothing to wait on: the queue is the CPU's, and shedding at the
    // kit's default (64, for services waiting on a database) would refuse the benchmark's 100 concurrent clients
    maxInFlight: 10_000,
    openapi: OPENAPI_FILE,
    routes: [returneeMatchRoutes(deps.ctx, verify, timings), jobCandidateRoutes(deps.ctx, verify, timings)],
    readiness: deps.readiness,
    logger: deps.logger,
    trustProxy: 'loopback',
  });
  // a ranking changes with every event: an ETag (a hash of each ~20 kB answer) would cost CPU and never match
  app.set('etag', false);
  return deps.hotRoutes === false ? (app as unknown as RequestListener) : withHotRoutes(app, hotMatchRoutes(deps.ctx, verify, timings));
}

