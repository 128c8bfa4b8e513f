/**
 * Boot: config → Mongo and Redis → app (indexes) → listen → topics, consumers and outbox relays → finish
 * imports a crash interrupted. Any boot failure prints one line saying what is wrong and exits 1 (the
 * supervisor restarts it). SIGTERM/SIGINT drain HTTP, stop consuming, publish what is pending, close.
 */
import { jwksVerifier } from '@hoanhap/auth';
import { createKafka } from '@hoanhap/events';
import { connectStores, gracefulShutdown, listenOn, portOf, runService, watchStore } from '@hoanhap/kit';
import { createCasesApp } from './app';
import { casesLogger } from './cases-logger';
import { loadCasesConfig } from './config';
import { recoverImports } from './domain/import-returnees.use-case';
import { startMessaging } from './events/messaging';

async function main(): Promise<void> {
  const config = loadCasesConfig();
  const logger = casesLogger();
  const { connection, redis, close } = await connectStores(config, logger);

  const verify = jwksVerifier({ jwksUrl: config.jwksUrl, issuer: config.issuer, audience: config.audience });
  const cases = createCasesApp({ connection, redis, redisPrefix: config.redisPrefix, verify, settings: config, logger });
  await cases.prepare();
  const server = await listenOn(cases.app, config.port);
  logger.info({ port: portOf(server) }, 'cases listening');

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
  shutdown.onShutdown('redis and mongo', close);

  await recoverImports(cases.ctx, { id: 'system:cases-boot', role: 'system', correlationId: `boot-${Date.now()}` });
}

void runService('cases', main);
