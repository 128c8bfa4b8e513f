/**
 * Boot: config → Mongo (and Redis for readiness) → app → listen → topics and consumers. Any boot failure
 * prints one line and exits 1 (the supervisor restarts it). SIGTERM/SIGINT drain HTTP, stop consuming, close.
 */
import type { AddressInfo } from 'node:net';
import mongoose from 'mongoose';
import { createClient } from 'redis';
import { jwksVerifier } from '@hoanhap/auth';
import { createKafka } from '@hoanhap/events';
import { ConfigError, createLogger, gracefulShutdown, watchStore } from '@hoanhap/kit';
import { createReportsApp } from './app';
import { loadReportsConfig } from './config';
import { startMessaging } from './events/messaging';

async function main(): Promise<void> {
  const config = loadReportsConfig();
  const logger = createLogger({ name: 'reports' });
  const connection = await mongoose
    .createConnection(config.mongoUrl, { dbName: config.mongoDb, serverSelectionTimeoutMS: 10_000 })
    .asPromise();
  const redis = createClient({ url: config.redisUrl });
  redis.on('error', (error: Error) => logger.warn({ err: error }, 'redis error'));
  await redis.connect();

  const verify = jwksVerifier({ jwksUrl: config.jwksUrl, issuer: config.issuer, audience: config.audience });
  const reports = createReportsApp({ connection, redis, redisPrefix: config.redisPrefix, verify, logger });
  await reports.prepare();
  const server = reports.app.listen(config.port);
  await new Promise<void>((resolve, reject) => server.once('listening', resolve).once('error', reject));
  logger.info({ port: (server.address() as AddressInfo).port }, 'reports listening');

  const kafka = createKafka({ brokers: config.kafkaBrokers, clientId: 'reports', logger });
  const messaging = await startMessaging(reports.ctx.store, {
    kafka,
    connection,
    topicPrefix: config.topicPrefix,
    numPartitions: config.kafkaPartitions,
    replicationFactor: config.kafkaReplication,
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
  console.error(`reports cannot start: ${known ? (error as Error).message : ((error as Error)?.stack ?? String(error))}`);
  process.exit(1);
});
