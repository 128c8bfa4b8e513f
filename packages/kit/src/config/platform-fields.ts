import { field } from './config-fields';

/**
 * The keys every service of the platform reads the same way (same variables, same defaults), spread into a
 * service's own spec beside its particular keys: `{ port: field.port('PORT', 8082), ...storeFields('cases'),
 * ...kafkaFields(), ...verifierFields(), …the service's own }`.
 */

/** MongoDB (database named after the service) and Redis (keys under `<service>:`; tests sharing one Redis set their own). */
export const storeFields = (service: string) => ({
  mongoUrl: field.url('MONGO_URL', 'mongodb://127.0.0.1:27017', ['mongodb:', 'mongodb+srv:']),
  mongoDb: field.string('MONGO_DB', service, { pattern: /^[A-Za-z0-9_-]{1,63}$/ }),
  redisUrl: field.url('REDIS_URL', 'redis://127.0.0.1:6379', ['redis:', 'rediss:']),
  redisPrefix: field.string('REDIS_PREFIX', `${service}:`),
});

/**
 * Kafka: brokers, a prefix for topics and consumer groups (tests isolate themselves with it; empty in
 * production), and the partitions and replication of the topics the service ensures at boot.
 */
export const kafkaFields = (partitions = 3) => ({
  kafkaBrokers: field.list('KAFKA_BROKERS', ['127.0.0.1:9092']),
  topicPrefix: field.string('KAFKA_TOPIC_PREFIX', ''),
  kafkaPartitions: field.int('KAFKA_PARTITIONS', partitions, { min: 1, max: 1000 }),
  kafkaReplication: field.int('KAFKA_REPLICATION_FACTOR', 1, { min: 1, max: 5 }),
});

/** Where a service checks the tokens identity signs: its JWKS, and the issuer and audience they must name. */
export const verifierFields = () => ({
  jwksUrl: field.url('IDENTITY_JWKS_URL', 'http://127.0.0.1:8081/auth/jwks.json'),
  issuer: field.string('JWT_ISSUER', 'hoanhap-identity'),
  audience: field.string('JWT_AUDIENCE', 'hoanhap'),
});
