import { join } from 'node:path';
import { field, loadConfig } from '@hoanhap/kit';
import { SERVICES } from './services';

const repoRoot = join(__dirname, '..', '..');

// One URL key per service (IDENTITY_URL, CASES_URL, …), from the shared table.
const serviceUrls = Object.fromEntries(
  SERVICES.map((s) => [`${s.name}Url`, field.url(s.urlEnv, `http://127.0.0.1:${s.port}`)]),
) as Record<`${(typeof SERVICES)[number]['name']}Url`, ReturnType<typeof field.url>>;

/** Every key the gateway reads, with its environment variable and default. */
export const configSpec = {
  port: field.port('PORT', 8080),
  ...serviceUrls,
  jwksUrl: field.url('IDENTITY_JWKS_URL', 'http://127.0.0.1:8081/auth/jwks.json'),
  jwtIssuer: field.string('JWT_ISSUER', 'hoanhap-identity'),
  jwtAudience: field.string('JWT_AUDIENCE', 'hoanhap'),
  redisUrl: field.url('REDIS_URL', 'redis://127.0.0.1:6379', ['redis:', 'rediss:']),
  rateLimitUserPerMinute: field.int('RATE_LIMIT_USER_PER_MINUTE', 300, { min: 1 }),
  rateLimitIpPerMinute: field.int('RATE_LIMIT_IP_PER_MINUTE', 600, { min: 1 }),
  // the limits are "per minute" in production; tests shorten the window so a reset takes a second
  rateLimitWindowMs: field.int('RATE_LIMIT_WINDOW_MS', 60_000, { min: 100 }),
  webOrigins: field.list('WEB_ORIGIN', ['http://localhost:5173', 'http://127.0.0.1:5173']),
  // above loans' 5 MB document uploads; each service keeps its own, smaller JSON limit
  bodyLimitBytes: field.int('BODY_LIMIT_BYTES', 6 * 1_048_576, { min: 1 }),
  upstreamTimeoutMs: field.int('UPSTREAM_TIMEOUT_MS', 10_000, { min: 50 }),
  upstreamConnectTimeoutMs: field.int('UPSTREAM_CONNECT_TIMEOUT_MS', 2_000, { min: 50 }),
  readyTimeoutMs: field.int('READY_TIMEOUT_MS', 2_000, { min: 50 }),
  trustProxyHops: field.int('TRUST_PROXY_HOPS', 0, { min: 0, max: 10 }),
  servicesDir: field.string('SERVICES_DIR', join(repoRoot, 'services')),
  webDistDir: field.string('WEB_DIST_DIR', join(repoRoot, 'web', 'dist')),
};

export type GatewayConfig = ReturnType<typeof loadGatewayConfig>;

/** Reads and checks the configuration (every bad key reported at once). */
export function loadGatewayConfig(env: NodeJS.ProcessEnv = process.env) {
  return loadConfig(configSpec, env);
}
