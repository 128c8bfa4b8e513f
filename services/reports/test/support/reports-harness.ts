import mongoose, { type Connection } from 'mongoose';
import { createClient } from 'redis';
import request from 'supertest';
import type { EventDefinition, EventEnvelope } from '@hoanhap/contracts';
import { createTestIssuer, createVerifier, type TestIssuer } from '@hoanhap/auth';
import { createKafka, createPublisher, deleteTopicsByPrefix, type KafkaClient, type Publisher } from '@hoanhap/events';
import { createLogger } from '@hoanhap/kit';
import { testNamespace, type TestNamespace } from '@hoanhap/testing';
import { createReportsApp, type Reports } from '../../src/app';
import { figureCounters } from '../../src/store/figure-counters';
import { startMessaging } from '../../src/events/messaging';

/** The callers every test uses, as real signed tokens. */
export const CALLERS = {
  officer40: { sub: 'officer-40', role: 'officer', orgId: 'org-police-40', provinceCode: '40' },
  officer01: { sub: 'officer-01', role: 'officer', orgId: 'org-police-01', provinceCode: '01' },
  admin: { sub: 'admin-1', role: 'admin', orgId: 'org-admin' },
  employer: { sub: 'employer-1', role: 'employer', orgId: 'org-employer-1' },
} as const;
export type Caller = keyof typeof CALLERS;

export interface Harness {
  ns: TestNamespace;
  reports: Reports;
  connection: Connection;
  redis: ReturnType<typeof createClient>;
  issuer: TestIssuer;
  kafka?: KafkaClient;
  publisher?: Publisher;
  get(caller: Caller, path: string): request.Test;
  /** Deletes every figure counter, as a Redis restarted without persistence would have lost them. */
  loseCounters(): Promise<void>;
  /** Publishes a contract event into the real Kafka, as its producer would (schema checked at publish). */
  publish<P>(definition: EventDefinition<P>, payload: P, key: string): Promise<EventEnvelope<P>>;
  close(): Promise<void>;
}

/** The reports service on real FerretDB and (with `messaging`) Kafka, in this file's own namespace. */
export async function startReports(options: { messaging?: boolean; now?: string } = {}): Promise<Harness> {
  const ns = testNamespace();
  const issuer = await createTestIssuer();
  const connection = await mongoose.createConnection(ns.mongoUri).asPromise();
  const verify = createVerifier({ issuer: issuer.issuer, audience: issuer.audience, keys: issuer.keySource() });
  const logger = createLogger({ name: 'reports-test', level: process.env.TEST_LOG_LEVEL ?? 'silent' });
  const redis = createClient({ url: ns.redisUrl });
  await redis.connect();
  const reports = createReportsApp({ connection, redis, redisPrefix: ns.redisPrefix, verify, logger, clock: () => new Date(options.now ?? '2026-06-30T12:00:00Z') });
  await reports.prepare();
  let kafka: KafkaClient | undefined;
  let publisher: Publisher | undefined;
  let messaging: { stop(): Promise<void> } | undefined;
  if (options.messaging) {
    kafka = createKafka({ brokers: ns.kafkaBrokers, clientId: `reports-test-${ns.dbName}`, logger });
    messaging = await startMessaging(reports.ctx.store, { kafka, connection, topicPrefix: ns.topicPrefix, numPartitions: 1, logger });
    publisher = createPublisher({ kafka, topicPrefix: ns.topicPrefix });
    await publisher.connect();
  }
  return {
    ns,
    reports,
    connection,
    redis,
    issuer,
    kafka,
    publisher,
    loseCounters: () => figureCounters(redis, ns.redisPrefix).clear(),
    get: (caller, path) => request(reports.app).get(path).set('authorization', `Bearer ${issuer.sign(CALLERS[caller])}`),
    publish: (definition, payload, key) => publisher!.publish(definition, payload, key, { correlationId: `test-${Date.now()}` }),
    close: async () => {
      await messaging?.stop();
      await publisher?.disconnect();
      if (kafka) await deleteTopicsByPrefix(kafka, ns.topicPrefix).catch(() => undefined);
      await reports.ctx.store.facts.clear().catch(() => undefined);
      await redis.quit();
      await connection.dropDatabase().catch(() => undefined);
      await connection.close();
    },
  };
}
