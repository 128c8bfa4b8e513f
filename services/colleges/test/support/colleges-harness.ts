import { randomUUID } from 'node:crypto';
import mongoose, { type Connection } from 'mongoose';
import { createClient } from 'redis';
import request from 'supertest';
import { createTestIssuer, createVerifier, type Role, type TestIssuer } from '@hoanhap/auth';
import { createLogger } from '@hoanhap/kit';
import { testNamespace, type TestNamespace } from '@hoanhap/testing';
import { type Colleges, createCollegesApp } from '../../src/app';

export type Redis = ReturnType<typeof createClient>;

/** One test file's colleges service: its own database and Redis prefix, real signed tokens. */
export interface Harness {
  ns: TestNamespace;
  colleges: Colleges;
  connection: Connection;
  redis: Redis;
  issuer: TestIssuer;
  token(role: Role, orgId?: string, sub?: string): string;
  api(): ReturnType<typeof request>;
  close(): Promise<void>;
}

export const SETTINGS = { trainingLoan: { maxVndPerMonth: 4_000_000, effectiveFrom: '2023-10-10' }, notYetKnownRetryAfterSec: 2 };

export async function startHarness(options: { ns?: TestNamespace } = {}): Promise<Harness> {
  const ns = options.ns ?? testNamespace();
  const connection = await mongoose.createConnection(ns.mongoUri).asPromise();
  const redis = createClient({ url: ns.redisUrl });
  await redis.connect();
  const issuer = await createTestIssuer();
  const verify = createVerifier({ issuer: issuer.issuer, audience: issuer.audience, keys: issuer.keySource() });
  const colleges = createCollegesApp({
    connection,
    redis,
    redisPrefix: ns.redisPrefix,
    verify,
    settings: SETTINGS,
    logger: createLogger({ name: 'colleges-test', level: 'silent' }),
  });
  await colleges.prepare();
  return {
    ns,
    colleges,
    connection,
    redis,
    issuer,
    token: (role, orgId, sub = randomUUID()) => issuer.sign({ sub, role, ...(orgId ? { orgId } : {}), provinceCode: '40' }),
    api: () => request(colleges.app),
    close: async () => {
      await colleges.drain();
      await connection.dropDatabase();
      await connection.close();
      await redis.quit();
    },
  };
}

/** The ARCHITECTURE §6 course body as written, with real reference codes (welders in Nghệ An). */
export const SECTION6_COURSE = {
  title: 'Hàn điện cơ bản',
  occupationCode: '7212',
  skillsGranted: ['welding'],
  provinceCode: '40',
  startsAt: '2026-03-02',
  durationWeeks: 12,
  seats: 20,
  tuitionVnd: 0,
};
