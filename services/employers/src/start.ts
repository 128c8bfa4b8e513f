/**
 * Boot: config → Mongo and Redis → indexes → listen → Kafka (topics, outbox
 * relays, consumers) → expiry sweep → demo seed. Any boot failure prints one
 * line saying what is wrong and exits 1 (the supervisor restarts it).
 * SIGTERM/SIGINT drain HTTP, stop consuming and relaying, then close.
 */
import { jwksVerifier } from '@hoanhap/auth';
import { createKafka } from '@hoanhap/events';
import { connectStores, createLogger, gracefulShutdown, listenOn, portOf, runService, watchStore } from '@hoanhap/kit';
import { createEmployersApp } from './app';
import { loadEmployersConfig } from './config';
import { expireJobs } from './domain/expire-jobs.use-case';
import { seedDemoEmployers } from './domain/seed-demo.use-case';
import { employersEvents } from './events/employers-events';

async function main(): Promise<void> {
  const config = loadEmployersConfig();
  const logger = createLogger({ name: 'employers' });
  // ignoreUndefined: an absent optional field stays absent instead of becoming null
  const { connection, redis, close } = await connectStores(config, logger, { ignoreUndefined: true });

  const verify = jwksVerifier({ jwksUrl: config.jwksUrl, issuer: config.issuer, audience: config.audience });
  const employers = createEmployersApp({ connection, redis, redisPrefix: config.redisPrefix, verify, logger });
  await employers.prepare();
  const server = await listenOn(employers.app, config.port);
  logger.info({ port: portOf(server) }, 'employers listening');

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
  shutdown.onShutdown('redis and mongo', close);

  if (config.seedDemo) logger.info({ created: await seedDemoEmployers(employers.ctx) }, 'demo employers (verified) seeded');
}

void runService('employers', main);
