import { randomUUID } from 'node:crypto';
import mongoose, { type Connection } from 'mongoose';
import { createClient } from 'redis';
import request from 'supertest';
import type { EventDefinition, EventEnvelope } from '@hoanhap/contracts';
import { createTestIssuer, createVerifier, type Role, type TestIssuer } from '@hoanhap/auth';
import {
  createConsumerRunner,
  createKafka,
  createPublisher,
  deleteTopicsByPrefix,
  type KafkaClient,
  onEvent,
  type Publisher,
} from '@hoanhap/events';
import { createLogger } from '@hoanhap/kit';
import { DEMO } from '@hoanhap/reference';
import { testNamespace, type TestNamespace } from '@hoanhap/testing';
import { createEmployersApp, type Employers, type EmployersDeps } from '../../src/app';
import { employersEvents } from '../../src/events/employers-events';

type Stoppable = { stop(): Promise<void> };

/** One test file's employers service: its own database, Redis prefix and topics; real signed tokens. */
export interface Harness {
  ns: TestNamespace;
  employers: Employers;
  /** What the app was built from: a second instance on the same database and Redis uses the same. */
  deps: EmployersDeps;
  connection: Connection;
  /** The instance's Redis client (its keys under `ns.redisPrefix`). */
  redis: ReturnType<typeof createClient>;
  issuer: TestIssuer;
  /** A bearer header for a caller (a fresh user id unless given). */
  bearer(role: Role, orgId?: string, extra?: { sub?: string; provinceCode?: string }): string;
  /** supertest on this instance's app, or on another instance's. */
  api(app?: Employers['app']): ReturnType<typeof request>;
  /** Present when started with `kafka: true`: publishes into the real Kafka as another service would. */
  publish?<P>(definition: EventDefinition<P>, payload: P, key: string): Promise<EventEnvelope<P>>;
  /** Present with `kafka: true`: every envelope of the given topics, in arrival order (one consumer group). */
  collect?(...definitions: EventDefinition[]): Promise<EventEnvelope[]>;
  close(): Promise<void>;
}

export interface HarnessOptions {
  /** Wire Kafka: topics, outbox relays, the service's consumers. */
  kafka?: boolean;
  now?: () => Date;
}

export async function startHarness(options: HarnessOptions = {}): Promise<Harness> {
  const ns = testNamespace();
  const logger = createLogger({ name: 'employers-test', level: 'silent' });
  const connection = await mongoose.createConnection(ns.mongoUri, { ignoreUndefined: true }).asPromise();
  const redis = createClient({ url: ns.redisUrl });
  await redis.connect();
  const issuer = await createTestIssuer({ issuer: 'hoanhap-identity', audience: 'hoanhap' });
  const verify = createVerifier({ issuer: issuer.issuer, audience: issuer.audience, keys: issuer.keySource() });
  const deps: EmployersDeps = { connection, redis, redisPrefix: ns.redisPrefix, verify, logger, now: options.now };
  const employers = createEmployersApp(deps);
  await employers.prepare();

  const running: Stoppable[] = [];
  let kafka: KafkaClient | undefined;
  let publisher: Publisher | undefined;
  if (options.kafka) {
    kafka = createKafka({ brokers: ns.kafkaBrokers, clientId: `${ns.topicPrefix}employers`, logger });
    const events = employersEvents(employers.ctx, employers.outboxStores, {
      kafka,
      connection,
      topicPrefix: ns.topicPrefix,
      groupId: `${ns.topicPrefix}employers`,
      partitions: 2,
      replication: 1,
      logger,
    });
    await events.start();
    running.push(events);
    publisher = createPublisher({ kafka, topicPrefix: ns.topicPrefix });
    await publisher.connect();
  }

  const harness: Harness = {
    ns,
    employers,
    deps,
    connection,
    redis,
    issuer,
    bearer: (role, orgId, extra = {}) =>
      `Bearer ${issuer.sign({ sub: extra.sub ?? randomUUID(), role, ...(orgId ? { orgId } : {}), provinceCode: extra.provinceCode ?? DEMO.provinceCode })}`,
    api: (app = employers.app) => request(app),
    close: async () => {
      for (const service of running.reverse()) await service.stop();
      await publisher?.disconnect();
      if (kafka) await deleteTopicsByPrefix(kafka, ns.topicPrefix).catch(() => undefined);
      const keys = await redis.keys(`${ns.redisPrefix}*`);
      if (keys.length > 0) await redis.del(keys);
      await redis.quit();
      await connection.dropDatabase();
      await connection.close();
    },
  };
  if (kafka && publisher) {
    const client = kafka;
    const sender = publisher;
    harness.publish = (definition, payload, key) => sender.publish(definition, payload, key, { correlationId: `test-${randomUUID()}` });
    harness.collect = async (...definitions) => {
      const received: EventEnvelope[] = [];
      const runner = createConsumerRunner({
        kafka: client,
        groupId: `${ns.topicPrefix}collect.${randomUUID()}`,
        topicPrefix: ns.topicPrefix,
        handlers: definitions.map((definition) => onEvent(definition, async (envelope) => void received.push(envelope))),
        logger,
      });
      await runner.start();
      running.push(runner);
      return received;
    };
  }
  return harness;
}
