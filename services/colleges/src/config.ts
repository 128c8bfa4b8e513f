import { type Config, field, loadConfig } from '@hoanhap/kit';

/** Every key has a default and an environment variable; legal figures are here too, with their source. */
export const configSpec = {
  port: field.port('PORT', 8084),
  mongoUrl: field.url('MONGO_URL', 'mongodb://127.0.0.1:27017', ['mongodb:', 'mongodb+srv:']),
  mongoDb: field.string('MONGO_DB', 'colleges', { pattern: /^[A-Za-z0-9_-]{1,63}$/ }),
  redisUrl: field.url('REDIS_URL', 'redis://127.0.0.1:6379', ['redis:', 'rediss:']),
  redisPrefix: field.string('REDIS_PREFIX', 'colleges:'),
  kafkaBrokers: field.list('KAFKA_BROKERS', ['127.0.0.1:9092']),
  /** Prepended to topics and consumer groups (tests isolate themselves with it); empty in production. */
  topicPrefix: field.string('KAFKA_TOPIC_PREFIX', ''),
  consumerGroup: field.string('KAFKA_CONSUMER_GROUP', 'colleges'),
  kafkaPartitions: field.int('KAFKA_PARTITIONS', 3, { min: 1, max: 1000 }),
  kafkaReplication: field.int('KAFKA_REPLICATION_FACTOR', 1, { min: 1, max: 5 }),
  jwksUrl: field.url('IDENTITY_JWKS_URL', 'http://127.0.0.1:8081/auth/jwks.json'),
  issuer: field.string('JWT_ISSUER', 'hoanhap-identity'),
  audience: field.string('JWT_AUDIENCE', 'hoanhap'),
  /** Decision 22/2023/QĐ-TTg Art. 5: a training loan is up to 4 million VND per month of the course. */
  trainingLoanMaxVndPerMonth: field.int('TRAINING_LOAN_MAX_VND_PER_MONTH', 4_000_000, { min: 0 }),
  trainingLoanEffectiveFrom: field.string('TRAINING_LOAN_EFFECTIVE_FROM', '2023-10-10', { pattern: /^\d{4}-\d{2}-\d{2}$/ }),
  /** Seconds a client is told to wait when it names something this service has not heard of yet. */
  notYetKnownRetryAfterSec: field.int('NOT_YET_KNOWN_RETRY_AFTER_SECONDS', 2, { min: 1, max: 300 }),
};

export type CollegesConfig = Config<typeof configSpec>;

export const loadCollegesConfig = (env: NodeJS.ProcessEnv = process.env): CollegesConfig => loadConfig(configSpec, env);
