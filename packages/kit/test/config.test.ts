import { testNamespace } from '@hoanhap/testing';
import { ConfigError, field, kafkaFields, loadConfig, storeFields, verifierFields } from '../src';

// Config touches no server; the namespace keeps this file's conventions and names its Mongo URL default.
const ns = testNamespace();

const spec = {
  port: field.port('PORT', 3001),
  mongoUrl: field.url('MONGO_URL', ns.mongoUri, ['mongodb:']),
  kafkaBrokers: field.list('KAFKA_BROKERS', ['127.0.0.1:9092']),
  logLevel: field.oneOf('LOG_LEVEL', ['debug', 'info', 'warn'] as const, 'info'),
  seedDemo: field.bool('SEED_DEMO', true),
  jwtPublicKey: field.secret('JWT_PUBLIC_KEY', 'development-key'),
};

describe('loadConfig', () => {
  it('when nothing is set, then every key has its default and the environment is development', () => {
    const config = loadConfig(spec, {});
    expect(config).toEqual({
      appEnv: 'development',
      port: 3001,
      mongoUrl: ns.mongoUri,
      kafkaBrokers: ['127.0.0.1:9092'],
      logLevel: 'info',
      seedDemo: true,
      jwtPublicKey: 'development-key',
    });
  });

  it('when variables are set, then they are parsed to their types', () => {
    const config = loadConfig(spec, { PORT: '8080', KAFKA_BROKERS: 'a:9092, b:9092', SEED_DEMO: 'false', LOG_LEVEL: 'debug' });
    expect(config.port).toBe(8080);
    expect(config.kafkaBrokers).toEqual(['a:9092', 'b:9092']);
    expect(config.seedDemo).toBe(false);
    expect(config.logLevel).toBe('debug');
  });

  it('when several keys are bad, then one error lists each key with its variable and reason', () => {
    let error: ConfigError | undefined;
    try {
      loadConfig(spec, { PORT: 'eighty', MONGO_URL: 'http://db', SEED_DEMO: 'maybe', LOG_LEVEL: 'loud' });
    } catch (e) {
      error = e as ConfigError;
    }
    expect(error).toBeInstanceOf(ConfigError);
    expect(error!.issues.map((i) => i.key)).toEqual(['port', 'mongoUrl', 'logLevel', 'seedDemo']);
    expect(error!.message).toContain('PORT (port): must be an integer from 0 to 65535, got "eighty"');
    expect(error!.message).toContain('MONGO_URL (mongoUrl): must be a mongodb URL');
    expect(error!.message).toContain('LOG_LEVEL (logLevel): must be one of debug, info, warn');
  });

  it('when APP_ENV=production and a secret is missing, then boot fails naming it', () => {
    expect(() => loadConfig(spec, { APP_ENV: 'production' })).toThrow(/JWT_PUBLIC_KEY \(jwtPublicKey\): is a secret and must be set/);
    expect(loadConfig(spec, { APP_ENV: 'production', JWT_PUBLIC_KEY: 'k' }).appEnv).toBe('production');
  });

  it('when a secret is malformed, then its value is not echoed', () => {
    expect(() => loadConfig(spec, { JWT_PUBLIC_KEY: '   ' })).toThrow(/JWT_PUBLIC_KEY \(jwtPublicKey\): must not be empty$/m);
  });
});

describe('the platform keys every service reads alike', () => {
  const platform = { ...storeFields('loans'), ...kafkaFields(6), ...verifierFields() };

  it('when nothing is set, then the store is named after the service and the Kafka and token defaults are the platform ones', () => {
    expect(loadConfig(platform, {})).toMatchObject({
      mongoUrl: 'mongodb://127.0.0.1:27017',
      mongoDb: 'loans',
      redisPrefix: 'loans:',
      kafkaBrokers: ['127.0.0.1:9092'],
      topicPrefix: '',
      kafkaPartitions: 6,
      kafkaReplication: 1,
      jwksUrl: 'http://127.0.0.1:8081/auth/jwks.json',
      issuer: 'hoanhap-identity',
      audience: 'hoanhap',
    });
    expect(loadConfig(kafkaFields(), {}).kafkaPartitions).toBe(3);
  });

  it('when a platform variable is bad, then the error names it like any other key', () => {
    expect(() => loadConfig(platform, { KAFKA_PARTITIONS: '0', MONGO_DB: 'no spaces', REDIS_URL: 'http://x' })).toThrow(
      expect.objectContaining({
        issues: expect.arrayContaining([
          expect.objectContaining({ env: 'KAFKA_PARTITIONS' }),
          expect.objectContaining({ env: 'MONGO_DB' }),
          expect.objectContaining({ env: 'REDIS_URL' }),
        ]),
      }),
    );
  });
});
