import { join } from 'node:path';
import { type Config, ConfigError, field, loadConfig, storeFields } from '@hoanhap/kit';

/** <repo>/.data/identity-keys: git-ignored, so development keys survive restarts but never reach a commit. */
const DEFAULT_KEYS_DIR = join(__dirname, '..', '..', '..', '.data', 'identity-keys');

export const configSpec = {
  port: field.port('PORT', 8081),
  ...storeFields('identity'),
  issuer: field.string('JWT_ISSUER', 'hoanhap-identity'),
  audience: field.string('JWT_AUDIENCE', 'hoanhap'),
  accessTokenTtlSec: field.int('ACCESS_TOKEN_TTL_SECONDS', 900, { min: 1, max: 3600 }),
  refreshTokenTtlSec: field.int('REFRESH_TOKEN_TTL_SECONDS', 14 * 24 * 3600, { min: 60, max: 90 * 24 * 3600 }),
  maxLoginFailures: field.int('LOGIN_MAX_FAILURES', 5, { min: 1, max: 100 }),
  lockoutSec: field.int('LOGIN_LOCKOUT_SECONDS', 15 * 60, { min: 1, max: 24 * 3600 }),
  keysDir: field.string('IDENTITY_KEYS_DIR', DEFAULT_KEYS_DIR),
  privateKeyPem: field.string('IDENTITY_PRIVATE_KEY_PEM', ''),
  privateKeyFile: field.string('IDENTITY_PRIVATE_KEY_FILE', ''),
  keyId: field.string('IDENTITY_KEY_ID', ''),
  previousPublicKeyPem: field.string('IDENTITY_PREVIOUS_PUBLIC_KEY_PEM', ''),
  previousPublicKeyFile: field.string('IDENTITY_PREVIOUS_PUBLIC_KEY_FILE', ''),
  previousKeyId: field.string('IDENTITY_PREVIOUS_KEY_ID', ''),
  seedDemo: field.bool('SEED_DEMO', true),
};

export type IdentityConfig = Config<typeof configSpec>;

/**
 * The kit's typed config plus identity's own production rules: a signing key
 * must be configured (never generated), and demo accounts are never seeded.
 */
export function loadIdentityConfig(env: NodeJS.ProcessEnv = process.env): IdentityConfig {
  const config = loadConfig(configSpec, env);
  if (config.appEnv !== 'production') return config;
  if (!config.privateKeyPem && !config.privateKeyFile) {
    throw new ConfigError([
      {
        key: 'privateKeyPem',
        env: 'IDENTITY_PRIVATE_KEY_PEM',
        message: 'APP_ENV=production needs the signing key: set IDENTITY_PRIVATE_KEY_PEM or IDENTITY_PRIVATE_KEY_FILE (keys are only generated in development)',
      },
    ]);
  }
  if (env.SEED_DEMO && config.seedDemo) {
    throw new ConfigError([{ key: 'seedDemo', env: 'SEED_DEMO', message: 'demo accounts are never seeded when APP_ENV=production' }]);
  }
  return { ...config, seedDemo: false };
}
