/** The three servers every test talks to, from the environment with the native defaults. */
export function infraUrls() {
  // the same port offset the infra CLI honours (a second set of servers beside the usual one)
  const offset = Number(process.env.INFRA_PORT_OFFSET ?? 0);
  return {
    kafkaBrokers: (process.env.KAFKA_BROKERS || `127.0.0.1:${9092 + offset}`).split(','),
    mongoUrl: process.env.MONGO_URL || `mongodb://127.0.0.1:${27017 + offset}`,
    redisUrl: process.env.REDIS_URL || `redis://127.0.0.1:${6379 + offset}`,
  };
}
export type InfraUrls = ReturnType<typeof infraUrls>;
