import { type Config, ConfigError, field, loadConfig, kafkaFields, storeFields, verifierFields } from '@hoanhap/kit';

export const configSpec = {
  port: field.port('PORT', 8083),
  ...storeFields('employers'),
  ...kafkaFields(),
  ...verifierFields(),
  /** How often open jobs past their closing date are marked expired (and published). */
  expirySweepSec: field.int('JOB_EXPIRY_SWEEP_SECONDS', 60, { min: 1, max: 86_400 }),
  seedDemo: field.bool('SEED_DEMO', true),
};

export type EmployersConfig = Config<typeof configSpec>;

/** The kit's typed config, plus: demo employers are never seeded in production. */
export function loadEmployersConfig(env: NodeJS.ProcessEnv = process.env): EmployersConfig {
  const config = loadConfig(configSpec, env);
  if (config.appEnv !== 'production') return config;
  if (env.SEED_DEMO && config.seedDemo) {
    throw new ConfigError([{ key: 'seedDemo', env: 'SEED_DEMO', message: 'demo employers are never seeded when APP_ENV=production' }]);
  }
  return { ...config, seedDemo: false };
}
