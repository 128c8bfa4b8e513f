/**
 * Boot: config → Mongo (and Redis for readiness) → app → listen → topics and consumers. Any boot failure
 * prints one line and exits 1 (the supervisor restarts it). SIGTERM/SIGINT drain HTTP, stop consuming, close.
 */
import { jwksVerifier } from '@hoanhap/auth';
import { createKafka } from '@hoanhap/events';
import { connectStores, createLogger, gracefulShutdown, listenOn, portOf, runService, watchStore } from '@hoanhap/kit';
import { createReportsApp } from './app';
import { loadReportsConfig } from './config';
import { startMessaging } from './events/messaging';

async function main(): Promise<void> {
  const config = loadReportsConfig();
  const logger = createLogger({ name: 'reports' });
  const { connection, redis, close } = await connectStores(config, logger);

  const verify = jwksVerifier({ jwksUrl: config.jwksUrl, issuer: config.issuer, audience: config.audience });
  const reports = createReportsApp({ connection, redis, redisPrefix: config.redisPrefix, verify, logger });
  await reports.prepare();
  const server = await listenOn(reports.app, config.port);
  logger.info({ port: portOf(server) }, 'reports listening');

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
  shutdown.onShutdown('redis and mongo', close);
}

void runService('reports', main);
