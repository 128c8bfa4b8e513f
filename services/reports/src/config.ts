import { type Config, field, loadConfig } from '@hoanhap/kit';

/** Every key with its environment variable and default; checked at boot, all mistakes listed at once. */
export const configSpec = {
  port: field.port('PORT', 8087),
  mongoUrl: field.url('MONGO_URL', 'mongodb://127.0.0.1:27017', ['mongodb:', 'mongodb+srv:']),
  mongoDb: field.string('MONGO_DB', 'reports', { pattern: /^[A-Za-z0-9_-]{1,63}$/ }),
  redisUrl: field.url('REDIS_URL', 'redis://127.0.0.1:6379', ['redis:', 'rediss:']),
  // the figure counters' keys: each deployment (and each test stack sharing one Redis) its own
  redisPrefix: field.string('REDIS_PREFIX', 'reports:'),
  kafkaBrokers: field.list('KAFKA_BROKERS', ['127.0.0.1:9092']),
  topicPrefix: field.string('KAFKA_TOPIC_PREFIX', ''),
  kafkaPartitions: field.int('KAFKA_PARTITIONS', 3, { min: 1, max: 1000 }),
  kafkaReplication: field.int('KAFKA_REPLICATION_FACTOR', 1, { min: 1, max: 5 }),
  jwksUrl: field.url('IDENTITY_JWKS_URL', 'http://127.0.0.1:8081/auth/jwks.json'),
  issuer: field.string('JWT_ISSUER', 'hoanhap-identity'),
  audience: field.string('JWT_AUDIENCE', 'hoanhap'),
};

export type ReportsConfig = Config<typeof configSpec>;

export const loadReportsConfig = (env: NodeJS.ProcessEnv = process.env): ReportsConfig => loadConfig(configSpec, env);
