/**
 * The service side of bench/gateway-throughput.ts, in its own process: the
 * gateway tests' fixture service (kit's createApp, as every service is
 * built) that verifies each bearer token itself against the JWKS, like the
 * real services do. Env: FIXTURE_PORT, JWKS_URL.
 */
import { createVerifier, jwksKeys } from '@hoanhap/auth';
import { startFixtureService } from '../gateway/test/fixtures/fixture-service';

const verify = createVerifier({ issuer: 'hoanhap-identity', audience: 'hoanhap', keys: jwksKeys(process.env.JWKS_URL!) });
process.once('SIGTERM', () => process.exit(0)); // exit cleanly so --cpu-prof writes its profile
startFixtureService({ verify, port: Number(process.env.FIXTURE_PORT) }).then(
  (fixture) => console.error(`[fixture] listening on ${fixture.url}`),
  (error: unknown) => {
    console.error(error);
    process.exit(1);
  },
);
