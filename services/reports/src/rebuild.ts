/**
 * Rebuilds the read model from the beginning of every consumed topic (`npm run rebuild -w @hoanhap/reports`).
 * Facts have natural ids, so the live consumer may keep running: what it writes meanwhile is not doubled.
 */
import mongoose from 'mongoose';
import { createClient } from 'redis';
import { createKafka } from '@hoanhap/events';
import { createLogger } from '@hoanhap/kit';
import { createReportsStore } from './app';
import { loadReportsConfig } from './config';
import { rebuildReadModel } from './events/messaging';

async function main(): Promise<void> {
  const config = loadReportsConfig();
  const logger = createLogger({ name: 'reports-rebuild' });
  const connection = await mongoose.createConnection(config.mongoUrl, { dbName: config.mongoDb }).asPromise();
  const redis = createClient({ url: config.redisUrl });
  await redis.connect();
  // the counters are emptied with the facts, and counted again as the replay records them
  const store = createReportsStore(connection, redis, config.redisPrefix);
  await store.facts.init();
  const kafka = createKafka({ brokers: config.kafkaBrokers, clientId: 'reports-rebuild', logger });
  const result = await rebuildReadModel(store, { kafka, connection, topicPrefix: config.topicPrefix, logger });
  logger.info(result, 'read model rebuilt');
  await redis.quit();
  await connection.close();
}

main().catch((error: unknown) => {
  console.error(`rebuild failed: ${(error as Error)?.stack ?? String(error)}`);
  process.exit(1);
});
