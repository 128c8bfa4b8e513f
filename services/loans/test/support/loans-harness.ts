import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { randomUUID } from 'node:crypto';
import mongoose, { type Connection } from 'mongoose';
import { createClient } from 'redis';
import request from 'supertest';
import { createAuditLog, type AuditLog } from '@hoanhap/audit';
import { createTestIssuer, createVerifier, type TestIssuer } from '@hoanhap/auth';
import { profilePublishedV1, type EventDefinition, type EventEnvelope, type ProfilePublishedV1 } from '@hoanhap/contracts';
import { createKafka, createPublisher, deleteTopicsByPrefix, type KafkaClient, type Publisher } from '@hoanhap/events';
import { createLogger } from '@hoanhap/kit';
import { testNamespace, waitFor, type TestNamespace } from '@hoanhap/testing';
import { createLoansApp, type Loans } from '../../src/app';
import type { LoansSettings } from '../../src/domain/loans.context';
import { loansEvents, type LoansEvents } from '../../src/events/loans-events';
import type { RedisClient } from '../../src/store/redis-client';

export const BRANCH_40 = 'org-bank-40';
export const BRANCH_01 = 'org-bank-01';

/** The callers the tests use, as real signed tokens. bank40a and bank40b share a branch (four-eyes). */
export const CALLERS = {
  officer40: { sub: 'officer-40', role: 'officer', orgId: 'org-police-40', provinceCode: '40' },
  officer01: { sub: 'officer-01', role: 'officer', orgId: 'org-police-01', provinceCode: '01' },
  employer: { sub: 'employer-1', role: 'employer', orgId: 'org-employer-1', provinceCode: '40' },
  employer2: { sub: 'employer-2', role: 'employer', orgId: 'org-employer-2', provinceCode: '40' },
  bank40a: { sub: 'bank-40-a', role: 'bank', orgId: BRANCH_40, provinceCode: '40' },
  bank40b: { sub: 'bank-40-b', role: 'bank', orgId: BRANCH_40, provinceCode: '40' },
  bank01: { sub: 'bank-01-a', role: 'bank', orgId: BRANCH_01, provinceCode: '01' },
  admin: { sub: 'admin-1', role: 'admin', orgId: 'org-admin' },
  college: { sub: 'college-1', role: 'college', orgId: 'org-college-1' },
  returnee: { sub: 'returnee-1', role: 'returnee' },
} as const;
export type CallerName = keyof typeof CALLERS;

export const SETTINGS: LoansSettings = { retryAfterSec: 2, maxDocumentBytes: 5 * 1024 * 1024, branchByProvince: { '40': BRANCH_40, '01': BRANCH_01 } };

/** A mutable clock: tests move it across weekends, Tết and due dates. */
export const clock = { now: new Date() };

export interface Harness {
  ns: TestNamespace;
  loans: Loans;
  connection: Connection;
  redis: RedisClient;
  issuer: TestIssuer;
  audit: AuditLog;
  kafka: KafkaClient;
  publisher: Publisher;
  events: LoansEvents;
  as(caller: CallerName): {
    get(path: string): request.Test;
    post(path: string): request.Test;
    patch(path: string): request.Test;
  };
  /** Publishes a contract event into the real Kafka, as cases would. */
  publish<P>(definition: EventDefinition<P>, payload: P, key: string): Promise<EventEnvelope<P>>;
  /** Publishes a returnee's profile (cases.returnee.profile-published.v1) and waits until loans has it. */
  publishReturnee(overrides?: Partial<BankView> & { shareWithBank?: boolean; revision?: number; returneeId?: string }): Promise<string>;
  close(): Promise<void>;
}

export type BankView = NonNullable<ProfilePublishedV1['bankView']>;

/**
 * The shared servers are busy while every workspace's tests run (topic creation, FerretDB DDL): a boot step
 * that fails is tried again, as the supervisor restarts a service that fails to boot, and says why.
 */
async function withRetry<T>(what: string, step: () => Promise<T>, attempts = 3): Promise<T> {
  for (let attempt = 1; ; attempt++) {
    try {
      return await step();
    } catch (error) {
      if (attempt >= attempts) throw error;
      console.warn(`loans test harness: ${what} failed (attempt ${attempt}), retrying: ${(error as Error).message}`);
      await new Promise((resolve) => setTimeout(resolve, 500 * attempt));
    }
  }
}

/** The loans service on real FerretDB, Redis and Kafka, in this file's own namespace. */
export async function startLoans(options: { settings?: Partial<LoansSettings>; messaging?: boolean } = {}): Promise<Harness> {
  const ns = testNamespace();
  const issuer = await createTestIssuer();
  const connection = await mongoose.createConnection(ns.mongoUri).asPromise();
  const redis: RedisClient = createClient({ url: ns.redisUrl });
  await redis.connect();
  const documentsDir = await mkdtemp(join(tmpdir(), 'loans-docs-'));
  const logger = createLogger({ name: 'loans-test', level: process.env.TEST_LOG_LEVEL ?? 'silent' });
  const audit = createAuditLog(connection);
  const loans = createLoansApp({
    connection,
    redis,
    redisPrefix: ns.redisPrefix,
    verify: createVerifier({ issuer: issuer.issuer, audience: issuer.audience, keys: issuer.keySource() }),
    audit,
    documentsDir,
    settings: { ...SETTINGS, ...options.settings },
    now: () => clock.now,
    logger,
  });
  await withRetry('prepare (indexes)', () => loans.prepare());
  const kafka = createKafka({ brokers: ns.kafkaBrokers, clientId: `loans-test-${ns.dbName}`, logger });
  const events = loansEvents(loans.ctx, loans.applications, {
    kafka,
    topicPrefix: ns.topicPrefix,
    numPartitions: 1,
    replicationFactor: 1,
    groupId: `${ns.topicPrefix}loans`,
    connection,
    logger,
  });
  // files that need no cases facts skip Kafka: it is the slow part of a start
  if (options.messaging !== false) await withRetry('events.start', () => events.start());
  const publisher = createPublisher({ kafka, topicPrefix: ns.topicPrefix });
  if (options.messaging !== false) await publisher.connect();

  const as = (caller: CallerName) => {
    const auth = (t: request.Test) => t.set('authorization', `Bearer ${issuer.sign(CALLERS[caller])}`);
    return {
      get: (path: string) => auth(request(loans.app).get(path)),
      post: (path: string) => auth(request(loans.app).post(path)),
      patch: (path: string) => auth(request(loans.app).patch(path)),
    };
  };
  const publish: Harness['publish'] = (definition, payload, key) => publisher.publish(definition, payload, key, { correlationId: `test-${randomUUID()}` });

  return {
    ns,
    loans,
    connection,
    redis,
    issuer,
    audit,
    kafka,
    publisher,
    events,
    as,
    publish,
    async publishReturnee(overrides = {}) {
      const { shareWithBank = true, revision = 1, returneeId = randomUUID(), ...view } = overrides;
      const bankView: BankView = { givenName: 'An', provinceCode: '40', communeCode: '16681', creditWindowEndsOn: '2030-09-01', releaseKindEligible: true, ...view };
      const consent = { matching: true, shareWithEmployers: true, shareWithColleges: true, shareWithBank, discoverable: true };
      await publish(profilePublishedV1, { returneeId, revision, consent, ...(shareWithBank ? { bankView } : {}) }, returneeId);
      await waitFor('the profile to reach loans', async () => (await loans.ctx.returnees.get(returneeId))?.revision === revision, 30_000);
      return returneeId;
    },
    close: async () => {
      await events.stop().catch(() => undefined);
      await publisher.disconnect().catch(() => undefined);
      if (options.messaging !== false) await deleteTopicsByPrefix(kafka, ns.topicPrefix).catch(() => undefined);
      const keys = await redis.keys(`${ns.redisPrefix}*`);
      if (keys.length > 0) await redis.del(keys);
      await redis.quit();
      await connection.dropDatabase().catch(() => undefined);
      await connection.close();
      await rm(documentsDir, { recursive: true, force: true });
    },
  };
}
