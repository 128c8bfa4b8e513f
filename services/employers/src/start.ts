/**
 * Boot: config → Mongo and Redis → indexes → listen → Kafka (topics, outbox
 * relays, consumers) → expiry sweep → demo seed. Any boot failure prints one
 * line saying what is wrong and exits 1 (the supervisor restarts it).
 * SIGTERM/SIGINT drain HTTP, stop consuming and relaying, then close.
 */
import mongoose from 'mongoose';
import { createClient } from 'redis';
import { jwksVerifier } from '@hoanhap/auth';
import { createKafka } from '@hoanhap/events';
import { ConfigError, createLogger, gracefulShutdown, watchStore } from '@hoanhap/kit';
import { createEmployersApp } from './app';
import { loadEmployersConfig } from './config';
import { expireJobs } from './domain/expire-jobs.use-case';
import { seedDemoEmployers } from './domain/seed-demo.use-case';
import { employersEvents } from './events/employers-events';

async function main(): Promise<void> {
  const config = loadEmployersConfig();
  const logger = createLogger({ name: 'employers' });
  // ignoreUndefined: an absent optional field stays absent instead of becoming null
  const connection = await mongoose
    .createConnection(config.mongoUrl, { dbName: config.mongoDb, serverSelectionTimeoutMS: 10_000, ignoreUndefined: true })
    .asPromise();
  const redis = createClient({ url: config.redisUrl });
  redis.on('error', (error: Error) => logger.warn({ err: error }, 'redis error'));
  await redis.connect();

  const verify = jwksVerifier({ jwksUrl: config.jwksUrl, issuer: config.issuer, audience: config.audience });
  const employers = createEmployersApp({ connection, redis, redisPrefix: config.redisPrefix, verify, logger });
  await employers.prepare();
  const server = employers.app.listen(config.port, () => logger.info({ port: config.port }, 'employers listening'));
  await new Promise<void>((resolve, reject) => server.once('listening', resolve).once('error', reject));

  const kafka = createKafka({ brokers: config.kafkaBrokers, clientId: 'employers', logger });
  const events = employersEvents(employers.ctx, employers.outboxStores, {
    kafka,
    connection,
    topicPrefix: config.topicPrefix,
    partitions: config.kafkaPartitions,
    replication: config.kafkaReplication,
    logger,
  });
  await events.start();

  const sweep = setInterval(() => {
    expireJobs(employers.ctx).catch((error: unknown) => logger.warn({ err: error }, 'job expiry sweep failed; next round retries'));
  }, config.expirySweepSec * 1000);

  const shutdown = gracefulShutdown(server, { logger });
  watchStore(shutdown, connection, logger);
  shutdown.onShutdown('expiry sweep', async () => clearInterval(sweep));
  shutdown.onShutdown('kafka', () => events.stop());
  shutdown.onShutdown('redis', async () => void (await redis.quit()));
  shutdown.onShutdown('mongo', () => connection.close());

  if (config.seedDemo) logger.info({ created: await seedDemoEmployers(employers.ctx) }, 'demo employers (verified) seeded');
}

main().catch((error: unknown) => {
  const known = error instanceof ConfigError;
  // one clear line, to stderr, before any logger exists
  console.error(`employers cannot start: ${known ? (error as Error).message : ((error as Error)?.stack ?? String(error))}`);
  process.exit(1);
});
