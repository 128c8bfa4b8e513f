import { connect } from 'node:net';
import { Router } from 'express';
import mongoose, { type Connection } from 'mongoose';
import { createClient } from 'redis';
import request from 'supertest';
import { testNamespace } from '@hoanhap/testing';
import { createApp, mongoCheck, redisCheck } from '../src';

const ns = testNamespace();
let mongo: Connection;
let redis: ReturnType<typeof createClient>;

// kit never imports kafkajs; a TCP round trip to the broker stands in for the events package's check.
const kafkaCheck = () =>
  new Promise<void>((resolve, reject) => {
    const [host, port] = ns.kafkaBrokers[0]!.split(':');
    const socket = connect(Number(port), host!, () => {
      socket.end();
      resolve();
    });
    socket.on('error', reject);
  });

beforeAll(async () => {
  mongo = await mongoose.createConnection(ns.mongoUri).asPromise();
  redis = createClient({ url: ns.redisUrl });
  await redis.connect();
});
afterAll(async () => {
  await mongo.close();
  if (redis.isOpen) await redis.quit();
});

function appWith(readiness: Parameters<typeof createApp>[0]['readiness']) {
  const router = Router();
  router.get('/ping', (_req, res) => {
    res.json({ pong: true });
  });
  return createApp({ name: 'kit-health', routes: router, readiness });
}

describe('health and metrics', () => {
  it('when the process runs, then /healthz answers 200', async () => {
    const res = await request(appWith({})).get('/healthz');
    expect(res.status).toBe(200);
    expect(res.body).toEqual({ status: 'up' });
  });

  it('when Mongo, Kafka and Redis answer, then /readyz answers 200 with each check up', async () => {
    const app = appWith({ mongo: mongoCheck(mongo), kafka: kafkaCheck, redis: redisCheck(redis) });
    const res = await request(app).get('/readyz');
    expect(res.status).toBe(200);
    expect(res.body).toEqual({ status: 'ready', checks: { mongo: 'up', kafka: 'up', redis: 'up' } });
  });

  it('when one dependency is down, then /readyz answers 503 problem+json naming it', async () => {
    const closed = createClient({ url: ns.redisUrl });
    await closed.connect();
    await closed.quit();
    const app = appWith({ mongo: mongoCheck(mongo), redis: redisCheck(closed) });
    const res = await request(app).get('/readyz');
    expect(res.status).toBe(503);
    expect(res.headers['content-type']).toMatch(/^application\/problem\+json/);
    expect(res.body).toMatchObject({ code: 'SERVICE.NOT_READY', checks: { mongo: 'up', redis: 'down' } });
  });

  it('when requests were served, then /metrics exposes their duration by route, method and status', async () => {
    const app = appWith({});
    await request(app).get('/ping');
    await request(app).get('/nowhere');
    const res = await request(app).get('/metrics');
    expect(res.status).toBe(200);
    expect(res.text).toMatch(/http_request_duration_seconds_count\{route="\/ping",method="GET",status="200"\} 1/);
    expect(res.text).toMatch(/http_request_duration_seconds_count\{route="unmatched",method="GET",status="404"\} 1/);
    expect(res.text).toContain('process_cpu_user_seconds_total');
  });
});
