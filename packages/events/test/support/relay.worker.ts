/**
 * A relay in its own process, so that a test can SIGKILL it mid-publish.
 * Configured by environment; prints `published <n>` whenever its count moves.
 * Run: node --import tsx packages/events/test/support/relay.worker.ts (one process, so SIGKILL kills the relay)
 */
import mongoose from 'mongoose';
import pino from 'pino';
import { createClient } from 'redis';
import { createAggregateStore, createKafka, createOutboxRelay, createPublisher } from '../../src';

const env = (name: string) => {
  const value = process.env[name];
  if (value === undefined) throw new Error(`${name} is required`);
  return value;
};

async function main(): Promise<void> {
  const logger = pino({ level: process.env.TEST_LOG_LEVEL ?? 'silent' });
  const connection = await mongoose.createConnection(env('WORKER_MONGO_URI')).asPromise();
  const redis = createClient({ url: env('WORKER_REDIS_URL') });
  await redis.connect();
  const kafka = createKafka({ brokers: env('WORKER_KAFKA_BROKERS').split(','), clientId: 'relay-worker', logger });
  // a short relay lock: the aggregates the killed relay held are free again after 3 s, not 15
  const store = createAggregateStore({
    connection,
    collection: env('WORKER_COLLECTION'),
    redis,
    redisPrefix: env('WORKER_REDIS_PREFIX'),
    relayLockTtlMs: 3_000,
  });
  const publisher = createPublisher({ kafka, topicPrefix: env('WORKER_TOPIC_PREFIX') });
  await publisher.connect();
  const relay = createOutboxRelay({
    store,
    publisher,
    batchSize: Number(env('WORKER_BATCH_SIZE')),
    pollIntervalMs: 50,
    pollGraceMs: 0,
    logger,
  });
  relay.start();
  let reported = -1;
  const report = setInterval(() => {
    if (relay.stats.published !== reported) process.stdout.write(`published ${(reported = relay.stats.published)}\n`);
  }, 2);
  process.once('SIGTERM', () => {
    clearInterval(report);
    void (async () => {
      await relay.stop();
      await publisher.disconnect();
      await redis.quit();
      await connection.close();
      process.exit(0);
    })();
  });
}

main().catch((error: unknown) => {
  console.error(error);
  process.exit(1);
});
