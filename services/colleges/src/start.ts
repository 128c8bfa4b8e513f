/**
 * Boot: config → Mongo and Redis → app (indexes) → listen → topics, consumers and outbox relays. Any boot
 * failure prints one line saying what is wrong and exits 1 (the supervisor restarts it). SIGTERM/SIGINT
 * drain HTTP, stop consuming, finish queued writes, publish what is pending, close.
 */
import { jwksVerifier } from '@hoanhap/auth';
import { createKafka } from '@hoanhap/events';
import { connectStores, createLogger, gracefulShutdown, listenOn, portOf, runService, watchStore } from '@hoanhap/kit';
import { createCollegesApp } from './app';
import { loadCollegesConfig } from './config';
import { startMessaging } from './events/messaging';

async function main(): Promise<void> {
  const config = loadCollegesConfig();
  const logger = createLogger({ name: 'colleges' });
  const { connection, redis, close } = await connectStores(config, logger);

  const verify = jwksVerifier({ jwksUrl: config.jwksUrl, issuer: config.issuer, audience: config.audience });
  const settings = {
    trainingLoan: { maxVndPerMonth: config.trainingLoanMaxVndPerMonth, effectiveFrom: config.trainingLoanEffectiveFrom },
    notYetKnownRetryAfterSec: config.notYetKnownRetryAfterSec,
  };
  const colleges = createCollegesApp({ connection, redis, redisPrefix: config.redisPrefix, verify, settings, logger });
  await colleges.prepare();
  const server = await listenOn(colleges.app, config.port);
  logger.info({ port: portOf(server) }, 'colleges listening');

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
  shutdown.onShutdown('redis and mongo', close);
}

void runService('colleges', main);
