import { type Config, ConfigError, field, loadConfig } from '@hoanhap/kit';

export const configSpec = {
  port: field.port('PORT', 8083),
  mongoUrl: field.url('MONGO_URL', 'mongodb://127.0.0.1:27017', ['mongodb:', 'mongodb+srv:']),
  mongoDb: field.string('MONGO_DB', 'employers', { pattern: /^[A-Za-z0-9_-]{1,63}$/ }),
  redisUrl: field.url('REDIS_URL', 'redis://127.0.0.1:6379', ['redis:', 'rediss:']),
  redisPrefix: field.string('REDIS_PREFIX', 'employers:'),
  kafkaBrokers: field.list('KAFKA_BROKERS', ['127.0.0.1:9092']),
  topicPrefix: field.string('KAFKA_TOPIC_PREFIX', ''),
  topicPartitions: field.int('KAFKA_PARTITIONS', 3, { min: 1, max: 1000 }),
  topicReplication: field.int('KAFKA_REPLICATION_FACTOR', 1, { min: 1, max: 5 }),
  jwksUrl: field.url('IDENTITY_JWKS_URL', 'http://127.0.0.1:8081/auth/jwks.json'),
  issuer: field.string('JWT_ISSUER', 'hoanhap-identity'),
  audience: field.string('JWT_AUDIENCE', 'hoanhap'),
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
