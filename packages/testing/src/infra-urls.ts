/** The three servers every test talks to, from the environment with the native defaults. */
export function infraUrls() {
  return {
    kafkaBrokers: (process.env.KAFKA_BROKERS ?? '127.0.0.1:9092').split(','),
    mongoUrl: process.env.MONGO_URL ?? 'mongodb://127.0.0.1:27017',
    redisUrl: process.env.REDIS_URL ?? 'redis://127.0.0.1:6379',
  };
}
export type InfraUrls = ReturnType<typeof infraUrls>;
