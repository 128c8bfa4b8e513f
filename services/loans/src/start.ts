/**
 * Boot: config → Mongo and Redis → app → listen → Kafka (topics, relay, consumers, products) → the overdue
 * sweep. Any boot failure prints one line saying what is wrong and exits 1 (the supervisor restarts it).
 * SIGTERM/SIGINT drain HTTP, stop the consumers and the relay, then close the stores.
 */
import { randomUUID } from 'node:crypto';
import { join } from 'node:path';
import { createAuditLog } from '@hoanhap/audit';
import { jwksVerifier } from '@hoanhap/auth';
import { createKafka } from '@hoanhap/events';
import { connectStores, createLogger, gracefulShutdown, listenOn, portOf, runService, watchStore } from '@hoanhap/kit';
import { createLoansApp } from './app';
import { loadLoansConfig, loadPolicies } from './config';
import { detectOverdue } from './domain/detect-overdue.use-case';
import { loansEvents } from './events/loans-events';

async function main(): Promise<void> {
  const config = loadLoansConfig();
  const policies = loadPolicies(config);
  const logger = createLogger({ name: 'loans' });
  const { connection, redis, close } = await connectStores(config, logger);

  const verify = jwksVerifier({ jwksUrl: config.jwksUrl, issuer: config.issuer, audience: config.audience });
  const loans = createLoansApp({
    connection,
    redis,
    redisPrefix: config.redisPrefix,
    verify,
    audit: createAuditLog(connection),
    documentsDir: join(config.dataDir, 'documents'),
    settings: { retryAfterSec: config.retryAfterSec, maxDocumentBytes: config.maxDocumentBytes, branchByProvince: config.branchByProvince },
    policies,
    logger,
  });
  await loans.prepare();
  const server = await listenOn(loans.app, config.port);
  logger.info({ port: portOf(server) }, 'loans listening');
  const shutdown = gracefulShutdown(server, { logger });
  watchStore(shutdown, connection, logger);

  const events = loansEvents(loans.ctx, loans.applications, {
    kafka: createKafka({ brokers: config.kafkaBrokers, clientId: 'loans', logger }),
    topicPrefix: config.topicPrefix,
    numPartitions: config.kafkaPartitions,
    replicationFactor: config.kafkaReplication,
    groupId: `${config.topicPrefix}loans`,
    connection,
    logger,
  });
  await events.start();
  const runSweep = () => {
    detectOverdue(loans.ctx, { correlationId: randomUUID() }).catch((error: unknown) => logger.warn({ err: error }, 'overdue sweep failed'));
  };
  runSweep();
  const sweep = setInterval(runSweep, config.overdueSweepSec * 1000);
  sweep.unref();

  shutdown.onShutdown('overdue sweep', async () => clearInterval(sweep));
  shutdown.onShutdown('kafka', () => events.stop());
  shutdown.onShutdown('redis and mongo', close);
}

void runService('loans', main);
