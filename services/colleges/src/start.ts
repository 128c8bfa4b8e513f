/**
 * Boot: config → Mongo and Redis → app (indexes) → listen → topics, consumers and outbox relays. Any boot
 * failure prints one line saying what is wrong and exits 1 (the supervisor restarts it). SIGTERM/SIGINT
 * drain HTTP, stop consuming, finish queued writes, publish what is pending, close.
 */
import type { AddressInfo } from 'node:net';
import mongoose from 'mongoose';
import { createClient } from 'redis';
import { jwksVerifier } from '@hoanhap/auth';
import { createKafka } from '@hoanhap/events';
import { ConfigError, createLogger, gracefulShutdown, watchStore } from '@hoanhap/kit';
import { createCollegesApp } from './app';
import { loadCollegesConfig } from './config';
import { startMessaging } from './events/messaging';

async function main(): Promise<void> {
  const config = loadCollegesConfig();
  const logger = createLogger({ name: 'colleges' });
  const connection = await mongoose.createConnection(config.mongoUrl, { dbName: config.mongoDb, serverSelectionTimeoutMS: 10_000 }).asPromise();
  const redis = createClient({ url: config.redisUrl });
  redis.on('error', (error: Error) => logger.warn({ err: error }, 'redis error'));
  await redis.connect();

  const verify = jwksVerifier({ jwksUrl: config.jwksUrl, issuer: config.issuer, audience: config.audience });
  const settings = {
    trainingLoan: { maxVndPerMonth: config.trainingLoanMaxVndPerMonth, effectiveFrom: config.trainingLoanEffectiveFrom },
    notYetKnownRetryAfterSec: config.notYetKnownRetryAfterSec,
  };
  const colleges = createCollegesApp({ connection, redis, redisPrefix: config.redisPrefix, verify, settings, logger });
  await colleges.prepare();
  const server = colleges.app.listen(config.port);
  await new Promise<void>((resolve, reject) => server.once('listening', resolve).once('error', reject));
  logger.info({ port: (server.address() as AddressInfo).port }, 'colleges listening');

  const kafka = createKafka({ brokers: config.kafkaBrokers, clientId: 'colleges', logger });
  const messaging = await startMessaging(colleges, {
    kafka,
    connection,
    topicPrefix: config.topicPrefix,
    numPartitions: config.kafkaPartitions,
    replicationFactor: config.kafkaReplication,
    groupId: `${config.topicPrefix}${config.consumerGroup}`,
    logger,
  });
  const shutdown = gracefulShutdown(server, { logger });
  watchStore(shutdown, connection, logger);
  shutdown.onShutdown('messaging', () => messaging.stop());
  shutdown.onShutdown('redis', () => redis.quit());
  shutdown.onShutdown('mongo', () => connection.close());
}

main().catch((error: unknown) => {
  const known = error instanceof ConfigError;
  // one clear line, to stderr, before any logger exists
  console.error(`colleges cannot start: ${known ? (error as Error).message : ((error as Error)?.stack ?? String(error))}`);
  process.exit(1);
});
