import { createPublicKey, generateKeyPairSync } from 'node:crypto';
import mongoose, { type Connection } from 'mongoose';
import { createClient } from 'redis';
import request from 'supertest';
import { testNamespace, type TestNamespace } from '@hoanhap/testing';
import { createIdentityApp, type Identity } from '../../src/app';
import type { IdentitySettings } from '../../src/domain/identity.context';
import { seedDemo } from '../../src/domain/seed-demo.use-case';
import { type KeyRing, thumbprintKid } from '../../src/keys/key-ring';
import type { RedisClient } from '../../src/store/redis-client';

export const ISSUER = 'hoanhap-identity';
export const AUDIENCE = 'hoanhap';
export const DEMO_PASSWORD = 'demo1234';

/** A fresh RSA signing key, as identity would load it. */
export function testKeyRing(): KeyRing {
  const { privateKey } = generateKeyPairSync('rsa', { modulusLength: 2048 });
  const publicKey = createPublicKey(privateKey);
  return { signing: { kid: thumbprintKid(publicKey), privateKey, publicKey }, previous: [] };
}

export interface Harness extends Identity {
  ns: TestNamespace;
  connection: Connection;
  redis: RedisClient;
  keys: KeyRing;
  /** Logs in (demo password by default) and returns the session body, failing the test on anything but 200. */
  login(email: string, password?: string): Promise<{ accessToken: string; refreshToken: string; user: { id: string; orgId: string } }>;
  bearer(email: string): Promise<string>;
  close(): Promise<void>;
}

export interface HarnessOptions {
  settings?: Partial<IdentitySettings>;
  keys?: KeyRing;
  clockToleranceSec?: number;
  seed?: boolean;
}

/** The identity app on this test file's own database and Redis prefix, demo accounts seeded. */
export async function startIdentity(options: HarnessOptions = {}): Promise<Harness> {
  const ns = testNamespace();
  const connection = await mongoose.createConnection(ns.mongoUri).asPromise();
  const redis: RedisClient = createClient({ url: ns.redisUrl });
  await redis.connect();
  const keys = options.keys ?? testKeyRing();
  const identity = createIdentityApp({
    connection,
    redis,
    redisPrefix: ns.redisPrefix,
    keys,
    issuer: ISSUER,
    audience: AUDIENCE,
    clockToleranceSec: options.clockToleranceSec,
    settings: { accessTokenTtlSec: 900, refreshTokenTtlSec: 3600, maxLoginFailures: 5, lockoutSec: 900, ...options.settings },
  });
  await identity.prepare();
  if (options.seed !== false) await seedDemo(identity.ctx);

  const login: Harness['login'] = async (email, password = DEMO_PASSWORD) => {
    const res = await request(identity.app).post('/auth/login').send({ email, password });
    if (res.status !== 200) throw new Error(`login ${email} answered ${res.status}: ${JSON.stringify(res.body)}`);
    return res.body;
  };
  return {
    ...identity,
    ns,
    connection,
    redis,
    keys,
    login,
    bearer: async (email) => `Bearer ${(await login(email)).accessToken}`,
    close: async () => {
      const keysLeft = await redis.keys(`${ns.redisPrefix}*`);
      if (keysLeft.length > 0) await redis.del(keysLeft);
      await redis.quit();
      await connection.dropDatabase();
      await connection.close();
    },
  };
}
