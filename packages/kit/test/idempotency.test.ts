import { spawn } from 'node:child_process';
import { join } from 'node:path';
import mongoose, { type Connection } from 'mongoose';
import { createClient } from 'redis';
import request from 'supertest';
import { testNamespace } from '@hoanhap/testing';
import { createApp, createOnce, idempotentId, type IdempotencyRecord, redisIdempotencyCache } from '../src';
import { type JobDeps, jobModel, jobRoutes } from './fixtures/jobs.fixture';

const ns = testNamespace();
const openapi = join(__dirname, 'fixtures', 'openapi.yaml');
const job = { title: 'Thợ hàn', openings: 2, address: { provinceCode: '40' } };
let connection: Connection;
let redis: ReturnType<typeof createClient>;
const hooks: { afterInsert?: () => void } = {};

function app(deps: Partial<JobDeps> = {}) {
  const model = jobModel(connection);
  const routes = jobRoutes({ model, afterInsert: () => hooks.afterInsert?.(), ...deps });
  return createApp({ name: 'kit-idempotency', openapi, routes });
}
const post = (key: string | undefined, body: object = job, caller = 'officer-1', deps?: Partial<JobDeps>) => {
  const req = request(app(deps)).post('/jobs').set('x-caller', caller);
  return key === undefined ? req.send(body) : req.set('Idempotency-Key', key).send(body);
};
const count = (filter: object = {}) => jobModel(connection).countDocuments(filter);

function runChildThatDies(key: string): Promise<NodeJS.Signals | null> {
  const script = join(__dirname, 'fixtures', 'create-job-then-die.ts');
  const child = spawn(process.execPath, ['--import', 'tsx', script, ns.mongoUri, 'officer-1', key, JSON.stringify(job)], {
    cwd: join(__dirname, '..'),
    stdio: ['ignore', 'pipe', 'inherit'],
  });
  let output = '';
  child.stdout.on('data', (chunk) => (output += chunk));
  return new Promise((resolve) =>
    child.on('exit', (_code, signal) => {
      expect(output).not.toContain('replied');
      resolve(signal);
    }),
  );
}

beforeAll(async () => {
  connection = await mongoose.createConnection(ns.mongoUri).asPromise();
  await jobModel(connection).init();
  redis = createClient({ url: ns.redisUrl });
  await redis.connect();
});
afterEach(() => {
  delete hooks.afterInsert;
});
afterAll(async () => {
  await connection.dropDatabase();
  await connection.close();
  await redis.quit();
});

describe('Idempotency-Key on creating POSTs (FerretDB: one insert carries the key)', () => {
  it('when the creating process is killed between the write and the reply, then the retry returns that resource and creates nothing', async () => {
    expect(await runChildThatDies('crash-1')).toBe('SIGKILL');
    const id = idempotentId('job', 'officer-1', 'crash-1');
    expect(await count({ _id: id })).toBe(1);

    const retry = await post('crash-1');
    expect(retry.status).toBe(201);
    expect(retry.headers['idempotent-replayed']).toBe('true');
    expect(retry.body).toMatchObject({ id, ...job });
    const again = await post('crash-1');
    expect(again.body).toEqual(retry.body);
    expect(await count({ _id: id })).toBe(1);
  });

  it('when the first attempt fails after its write, then the retry gets the first result with the same status and body', async () => {
    hooks.afterInsert = () => {
      throw new Error('connection lost before the reply');
    };
    expect((await post('fail-after-write')).status).toBe(500);
    delete hooks.afterInsert;
    const stored = await jobModel(connection).findById(idempotentId('job', 'officer-1', 'fail-after-write')).lean();

    const retry = await post('fail-after-write');
    expect(retry.status).toBe(201);
    expect(retry.body).toEqual({ id: stored!._id, ...job, createdAt: stored!.createdAt.toISOString() });
    expect(await count({ title: job.title, _id: stored!._id })).toBe(1);
  });

  it('when ten retries with one key race, then one resource exists and all get the same body', async () => {
    const replies = await Promise.all(Array.from({ length: 10 }, () => post('race-1')));
    expect(replies.map((r) => r.status)).toEqual(Array(10).fill(201));
    expect(new Set(replies.map((r) => JSON.stringify(r.body))).size).toBe(1);
    expect(await count({ _id: idempotentId('job', 'officer-1', 'race-1') })).toBe(1);
    expect(replies.filter((r) => r.headers['idempotent-replayed'] !== 'true')).toHaveLength(1);
  });

  it('when the key is not looked up first (checkFirst: false), then a new key costs no read and a retry still gets the first reply', async () => {
    let reads = 0;
    const deps = { checkFirst: false, onFindRecord: () => void (reads += 1) };
    const first = await post('insert-first-1', job, 'officer-1', deps);
    expect([first.status, reads]).toEqual([201, 0]);
    const retry = await post('insert-first-1', job, 'officer-1', deps);
    expect([retry.status, retry.headers['idempotent-replayed'], reads]).toEqual([201, 'true', 1]);
    expect(retry.body).toEqual(first.body);
    expect((await post('insert-first-1', { ...job, openings: 9 }, 'officer-1', deps)).status).toBe(422);
    expect(await count({ _id: idempotentId('job', 'officer-1', 'insert-first-1') })).toBe(1);
  });

  it('when the first answer left a member undefined, then a replay of the stored record leaves it out too (never null)', async () => {
    // the store as the mongodb driver writes it (ignoreUndefined: false): an undefined member becomes null
    const stored = new Map<string, IdempotencyRecord>();
    const { BSON } = mongoose.mongo;
    const once = () =>
      createOnce({
        resource: 'job',
        scope: 'officer-1',
        key: 'undefined-member-1',
        request: job,
        build: (id) => ({ document: { _id: id }, reply: { status: 201, body: { id, note: undefined as string | undefined } } }),
        insert: async (document) =>
          void stored.set(
            document._id,
            BSON.deserialize(BSON.serialize(document.idempotency!, { ignoreUndefined: false })) as IdempotencyRecord,
          ),
        findRecord: async (id) => stored.get(id),
      });
    const first = await once();
    const retry = await once();
    expect(retry.replayed).toBe(true);
    expect(retry.body).not.toHaveProperty('note');
    expect(JSON.stringify(retry.body)).toBe(JSON.stringify(first.body));
  });

  it('when a key is reused with a different body, then 422 problem+json and nothing is created', async () => {
    expect((await post('reused-1')).status).toBe(201);
    const before = await count();
    const res = await post('reused-1', { ...job, openings: 3 });
    expect(res.status).toBe(422);
    expect(res.headers['content-type']).toMatch(/^application\/problem\+json/);
    expect(res.body.code).toBe('IDEMPOTENCY.KEY_REUSED');
    expect(await count()).toBe(before);
  });

  it('when two callers use the same key, or no key is sent, then each request creates its own resource', async () => {
    const a = await post('shared-key', job, 'officer-1');
    const b = await post('shared-key', job, 'officer-2');
    expect(a.body.id).not.toBe(b.body.id);
    const c = await post(undefined);
    const d = await post(undefined);
    expect(c.body.id).not.toBe(d.body.id);
  });

  it('when a Redis cache is given, then the reply is cached and a retry is answered from it', async () => {
    const cache = redisIdempotencyCache(redis, { prefix: ns.redisPrefix, ttlSeconds: 60 });
    const first = await post('cached-1', job, 'officer-1', { cache });
    const id = idempotentId('job', 'officer-1', 'cached-1');
    expect(JSON.parse((await redis.get(`${ns.redisPrefix}idem:${id}`))!)).toMatchObject({ status: 201, body: first.body });
    const retry = await post('cached-1', job, 'officer-1', { cache });
    expect(retry.body).toEqual(first.body);
    expect(retry.headers['idempotent-replayed']).toBe('true');
  });

  it('when the key is not a visible ASCII token, then 400 names the header', async () => {
    const res = await post('x'.repeat(300));
    expect(res.status).toBe(400);
    expect(res.body.errors[0]).toMatchObject({ field: 'Idempotency-Key', in: 'header' });
  });
});
