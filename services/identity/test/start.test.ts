import { type ChildProcess, spawn } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import mongoose, { type Connection } from 'mongoose';
import { createClient } from 'redis';
import { testNamespace, waitFor } from '@hoanhap/testing';

const ns = testNamespace();
const keysDir = mkdtempSync(join(tmpdir(), 'identity-start-'));
let connection: Connection;

interface Run {
  child: ChildProcess;
  output: () => string;
  exited: Promise<number | null>;
}

/** `npm start`'s way: the real start.ts in its own process, on port 0, this file's database and Redis prefix. */
function start(env: NodeJS.ProcessEnv): Run {
  const child = spawn(process.execPath, ['--import', 'tsx', join(__dirname, '..', 'src', 'start.ts')], {
    cwd: join(__dirname, '..'),
    env: { ...process.env, PORT: '0', MONGO_URL: ns.mongoUri, MONGO_DB: ns.dbName, REDIS_URL: ns.redisUrl, REDIS_PREFIX: ns.redisPrefix, IDENTITY_KEYS_DIR: keysDir, LOG_LEVEL: 'info', ...env },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let output = '';
  child.stdout!.on('data', (chunk) => (output += chunk));
  child.stderr!.on('data', (chunk) => (output += chunk));
  return { child, output: () => output, exited: new Promise((resolve) => child.on('exit', (code) => resolve(code))) };
}

async function bootAndSeed(): Promise<{ port: number; created: number; run: Run }> {
  const run = start({});
  const seeded = await waitFor('the demo logins line', () => /"created":(\d+).*demo logins \(password demo1234\): ([^"]+)"/.exec(run.output()) ?? undefined, 30_000);
  expect(seeded[2]).toBe('officer@demo.vn, employer@demo.vn, employer2@demo.vn, college@demo.vn, bank@demo.vn, bank2@demo.vn, admin@demo.vn');
  const port = Number(/"port":(\d+).*identity listening/.exec(run.output())![1]);
  return { port, created: Number(seeded[1]), run };
}

async function stop(run: Run): Promise<number | null> {
  run.child.kill('SIGTERM');
  return run.exited;
}

beforeAll(async () => {
  connection = await mongoose.createConnection(ns.mongoUri).asPromise();
});
afterAll(async () => {
  await connection.dropDatabase();
  await connection.close();
  const redis = createClient({ url: ns.redisUrl });
  await redis.connect();
  const keys = await redis.keys(`${ns.redisPrefix}*`);
  if (keys.length > 0) await redis.del(keys);
  await redis.quit();
  rmSync(keysDir, { recursive: true, force: true });
});

describe('start.ts', () => {
  it('when APP_ENV=production and no private key is configured, then it refuses to boot with one clear message', async () => {
    const run = start({ APP_ENV: 'production' });
    expect(await run.exited).toBe(1);
    expect(run.output()).toContain('identity cannot start');
    expect(run.output()).toMatch(/IDENTITY_PRIVATE_KEY_PEM or IDENTITY_PRIVATE_KEY_FILE/);
    expect(run.output()).not.toMatch(/\n\s+at /); // no stack trace for a configuration mistake
  });

  it('when started twice in development, then the demo seed runs both times, creates the accounts once and they log in', async () => {
    const first = await bootAndSeed();
    expect(first.created).toBe(13); // 6 organisations + 7 users
    const health = await fetch(`http://127.0.0.1:${first.port}/readyz`);
    expect(health.status).toBe(200);
    const login = await fetch(`http://127.0.0.1:${first.port}/auth/login`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ email: 'bank2@demo.vn', password: 'demo1234' }),
    });
    expect(login.status).toBe(200);
    expect(await stop(first.run)).toBe(0);
    const usersBefore = await connection.collection('users').find({}, { projection: { _id: 1, email: 1 } }).sort({ email: 1 }).toArray();

    const second = await bootAndSeed();
    expect(second.created).toBe(0);
    expect(await stop(second.run)).toBe(0);
    const usersAfter = await connection.collection('users').find({}, { projection: { _id: 1, email: 1 } }).sort({ email: 1 }).toArray();
    expect(usersAfter).toEqual(usersBefore);
    expect(usersAfter).toHaveLength(7);
    expect(await connection.collection('organisations').countDocuments()).toBe(6);
  });
});
