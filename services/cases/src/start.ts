/**
 * Boot: config → Mongo and Redis → app (indexes) → listen → topics, consumers and outbox relays → finish
 * imports a crash interrupted. Any boot failure prints one line saying what is wrong and exits 1 (the
 * supervisor restarts it). SIGTERM/SIGINT drain HTTP, stop consuming, publish what is pending, close.
 */
import type { AddressInfo } from 'node:net';
import mongoose from 'mongoose';
import { createClient } from 'redis';
import { jwksVerifier } from '@hoanhap/auth';
import { createKafka } from '@hoanhap/events';
import { ConfigError, gracefulShutdown, watchStore } from '@hoanhap/kit';
import { createCasesApp } from './app';
import { casesLogger } from './cases-logger';
import { loadCasesConfig } from './config';
import { recoverImports } from './domain/import-returnees.use-case';
import { startMessaging } from './events/messaging';

async function main(): Promise<void> {
  const config = loadCasesConfig();
  const logger = casesLogger();
  const connection = await mongoose
    .createConnection(config.mongoUrl, { dbName: config.mongoDb, serverSelectionTimeoutMS: 10_000 })
    .asPromise();
  const redis = createClient({ url: config.redisUrl });
  redis.on('error', (error: Error) => logger.warn({ err: error }, 'redis error'));
  await redis.connect();

  const verify = jwksVerifier({ jwksUrl: config.jwksUrl, issuer: config.issuer, audience: config.audience });
  const cases = createCasesApp({ connection, redis, redisPrefix: config.redisPrefix, verify, settings: config, logger });
  await cases.prepare();
  const server = cases.app.listen(config.port);
  await new Promise<void>((resolve, reject) => server.once('listening', resolve).once('error', reject));
  logger.info({ port: (server.address() as AddressInfo).port }, 'cases listening');

  const kafka = createKafka({ brokers: config.kafkaBrokers, clientId: 'cases', logger });
  const messaging = await startMessaging(cases, {
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

  await recoverImports(cases.ctx, { id: 'system:cases-boot', role: 'system', correlationId: `boot-${Date.now()}` });
}

main().catch((error: unknown) => {
  const known = error instanceof ConfigError;
  console.error(`cases cannot start: ${known ? (error as Error).message : ((error as Error)?.stack ?? String(error))}`);
  process.exit(1);
});
