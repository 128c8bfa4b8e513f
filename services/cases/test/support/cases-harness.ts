import type { DestinationStream } from 'pino';
import mongoose, { type Connection } from 'mongoose';
import { createClient } from 'redis';
import request from 'supertest';
import type { EventDefinition, EventEnvelope } from '@hoanhap/contracts';
import { createTestIssuer, createVerifier, type TestIssuer } from '@hoanhap/auth';
import { createKafka, createPublisher, deleteTopicsByPrefix, type KafkaClient, type Publisher } from '@hoanhap/events';
import { createLogger } from '@hoanhap/kit';
import { testNamespace, type TestNamespace } from '@hoanhap/testing';
import { createCasesApp, type Cases, type CasesDeps } from '../../src/app';
import { startMessaging, type Messaging } from '../../src/events/messaging';
import { casesLogger } from '../../src/cases-logger';

export const SETTINGS: CasesDeps['settings'] = {
  referralStaleDays: 14,
  referralTargetCheck: false,
  retryAfterSec: 2,
  consentFormVersion: '2026-01',
  importMaxRows: 500,
  importMaxBytes: 2 * 1024 * 1024,
};

/** The callers every test uses, as real signed tokens. */
export const CALLERS = {
  officer40: { sub: 'officer-40', role: 'officer', orgId: 'org-police-40', provinceCode: '40' },
  officer40b: { sub: 'officer-40-b', role: 'officer', orgId: 'org-police-40', provinceCode: '40' },
  officer01: { sub: 'officer-01', role: 'officer', orgId: 'org-police-01', provinceCode: '01' },
  admin: { sub: 'admin-1', role: 'admin', orgId: 'org-admin' },
  employer: { sub: 'employer-1', role: 'employer', orgId: 'org-employer-1' },
  college: { sub: 'college-1', role: 'college', orgId: 'org-college-1' },
  bank: { sub: 'bank-1', role: 'bank', orgId: 'org-bank-1', provinceCode: '40' },
  returnee: { sub: 'returnee-1', role: 'returnee' },
} as const;
export type Caller = keyof typeof CALLERS;

/** ARCHITECTURE §6's example body, as written. */
export const exampleReturnee = () => ({
  fullName: 'Nguyễn Văn An',
  dateOfBirth: '1990-05-12',
  gender: 'male',
  nationalId: '001090012345',
  phone: '0912345678',
  address: { provinceCode: '40', communeCode: '16681' },
  releaseDate: '2025-09-01',
  releaseKind: 'completed',
  sentence: { kind: 'prison', months: 30 },
  offenceCategory: 'drug-possession',
  restrictions: {
    bannedOccupations: [{ code: '8322', until: '2028-09-01' }],
    bannedAreas: [{ provinceCode: '01', until: '2027-09-01' }],
    supervisedCommune: null,
    noStateAgencyWork: false,
  },
  skills: ['welding'],
  needs: ['job', 'id-card'],
  consent: { matching: true, shareWithEmployers: true, shareWithColleges: true, shareWithBank: true, discoverable: true },
});

let idCounter = 0;
/** A distinct 12-digit national ID per call (per test file run). */
export const nextNationalId = () => `0${String(Date.now() % 1e7).padStart(7, '0')}${String(idCounter++ % 10000).padStart(4, '0')}`;

export interface Harness {
  ns: TestNamespace;
  cases: Cases;
  connection: Connection;
  issuer: TestIssuer;
  kafka?: KafkaClient;
  publisher?: Publisher;
  token(caller: Caller): string;
  /** supertest with a caller's token. */
  as(caller: Caller): {
    get(path: string): request.Test;
    post(path: string): request.Test;
    put(path: string): request.Test;
    patch(path: string): request.Test;
    delete(path: string): request.Test;
  };
  register(body?: Record<string, unknown>, caller?: Caller): Promise<request.Response>;
  /** Publishes a contract event into the real Kafka, as another service would. */
  publish<P>(definition: EventDefinition<P>, payload: P, key: string): Promise<EventEnvelope<P>>;
  close(): Promise<void>;
}

export interface HarnessOptions {
  messaging?: boolean;
  /** Where the service's log lines go (at info level), to check what they hold. */
  logDestination?: DestinationStream;
  settings?: Partial<CasesDeps['settings']>;
  clock?: () => Date;
}

/** The cases service on real FerretDB, Redis and (with `messaging`) Kafka, in this file's own namespace. */
export async function startCases(options: HarnessOptions = {}): Promise<Harness> {
  const ns = testNamespace();
  const issuer = await createTestIssuer();
  const connection = await mongoose.createConnection(ns.mongoUri).asPromise();
  const redis = createClient({ url: ns.redisUrl });
  await redis.connect();
  const verify = createVerifier({ issuer: issuer.issuer, audience: issuer.audience, keys: issuer.keySource() });
  const logger = options.logDestination
    ? casesLogger({ level: 'info', destination: options.logDestination })
    : createLogger({ name: 'cases-test', level: process.env.TEST_LOG_LEVEL ?? 'silent' });
  const cases = createCasesApp({
    connection,
    redis,
    redisPrefix: ns.redisPrefix,
    verify,
    settings: { ...SETTINGS, ...options.settings },
    logger,
    clock: options.clock,
  });
  await cases.prepare();
  let messaging: Messaging | undefined;
  let kafka: KafkaClient | undefined;
  let publisher: Publisher | undefined;
  if (options.messaging) {
    kafka = createKafka({ brokers: ns.kafkaBrokers, clientId: `cases-test-${ns.dbName}`, logger });
    messaging = await startMessaging(cases, {
      kafka,
      connection,
      topicPrefix: ns.topicPrefix,
      numPartitions: 1,
      groupId: `${ns.topicPrefix}cases`,
      logger,
    });
    publisher = createPublisher({ kafka, topicPrefix: ns.topicPrefix });
    await publisher.connect();
  }
  const token = (caller: Caller) => issuer.sign(CALLERS[caller]);
  const as = (caller: Caller) => {
    const auth = (t: request.Test) => t.set('authorization', `Bearer ${token(caller)}`);
    return {
      get: (path: string) => auth(request(cases.app).get(path)),
      post: (path: string) => auth(request(cases.app).post(path)),
      put: (path: string) => auth(request(cases.app).put(path)),
      patch: (path: string) => auth(request(cases.app).patch(path)),
      delete: (path: string) => auth(request(cases.app).delete(path)),
    };
  };
  return {
    ns,
    cases,
    connection,
    issuer,
    kafka,
    publisher,
    token,
    as,
    register: (body = {}, caller = 'officer40') =>
      as(caller)
        .post('/returnees')
        .send({ ...exampleReturnee(), nationalId: nextNationalId(), ...body }),
    publish: (definition, payload, key) => publisher!.publish(definition, payload, key, { correlationId: `test-${Date.now()}` }),
    close: async () => {
      await messaging?.stop();
      await publisher?.disconnect();
      if (kafka) await deleteTopicsByPrefix(kafka, ns.topicPrefix).catch(() => undefined);
      await connection.dropDatabase().catch(() => undefined);
      await connection.close();
      await redis.quit();
    },
  };
}
