import { type Config, field, loadConfig } from '@hoanhap/kit';

/** Every key with its environment variable and default; checked at boot, all mistakes listed at once. */
export const configSpec = {
  port: field.port('PORT', 8082),
  mongoUrl: field.url('MONGO_URL', 'mongodb://127.0.0.1:27017', ['mongodb:', 'mongodb+srv:']),
  mongoDb: field.string('MONGO_DB', 'cases', { pattern: /^[A-Za-z0-9_-]{1,63}$/ }),
  redisUrl: field.url('REDIS_URL', 'redis://127.0.0.1:6379', ['redis:', 'rediss:']),
  redisPrefix: field.string('REDIS_PREFIX', 'cases:'),
  kafkaBrokers: field.list('KAFKA_BROKERS', ['127.0.0.1:9092']),
  topicPrefix: field.string('KAFKA_TOPIC_PREFIX', ''),
  kafkaPartitions: field.int('KAFKA_PARTITIONS', 3, { min: 1, max: 1000 }),
  kafkaReplication: field.int('KAFKA_REPLICATION_FACTOR', 1, { min: 1, max: 5 }),
  jwksUrl: field.url('IDENTITY_JWKS_URL', 'http://127.0.0.1:8081/auth/jwks.json'),
  issuer: field.string('JWT_ISSUER', 'hoanhap-identity'),
  audience: field.string('JWT_AUDIENCE', 'hoanhap'),
  referralStaleDays: field.int('REFERRAL_STALE_DAYS', 14, { min: 1, max: 365 }),
  referralTargetCheck: field.bool('REFERRAL_TARGET_CHECK', true),
  retryAfterSec: field.int('NOT_YET_KNOWN_RETRY_AFTER_SECONDS', 2, { min: 1, max: 600 }),
  consentFormVersion: field.string('CONSENT_FORM_VERSION', '2026-01'),
  importMaxRows: field.int('IMPORT_MAX_ROWS', 2000, { min: 1, max: 100_000 }),
  importMaxBytes: field.int('IMPORT_MAX_BYTES', 5 * 1024 * 1024, { min: 1024, max: 100 * 1024 * 1024 }),
};

export type CasesConfig = Config<typeof configSpec>;

export const loadCasesConfig = (env: NodeJS.ProcessEnv = process.env): CasesConfig => loadConfig(configSpec, env);
