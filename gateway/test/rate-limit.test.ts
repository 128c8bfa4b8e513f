import request from 'supertest';
import { createClient } from 'redis';
import { createLogger } from '@hoanhap/kit';
import { testNamespace } from '@hoanhap/testing';
import { createRateLimiter } from '../src/rate-limit/redis-rate-limiter';
import { type Harness, startHarness } from './fixtures/gateway-harness';

// A 2 s window instead of a minute: the reset is observed within the test, and a slow shared machine
// still fits a burst of requests into one window.
const WINDOW_MS = 2_000;
const PER_USER = 3;
const PER_IP = 8;
let harness: Harness;
beforeAll(async () => {
  harness = await startHarness({ trustProxyHops: 1, rateLimits: { perUser: PER_USER, perIp: PER_IP, windowMs: WINDOW_MS, prefix: testNamespace().redisPrefix } });
});
afterAll(() => harness.close());

const asUser = (role: 'officer' | 'admin') => request(harness.url).get('/api/employers/things').set('authorization', `Bearer ${harness.tokenFor(role)}`);
const anonymous = () => request(harness.url).get('/api/employers/public/info');

describe('rate limits (Redis, fixed window)', () => {
  it('when a user goes over their limit, then 429 problem+json with Retry-After, other users are still served, and the user is served again after the window', async () => {
    for (let i = 0; i < PER_USER; i++) await asUser('officer').expect(200);
    const before = harness.fixture.hits;
    const refused = await asUser('officer');
    expect(refused.status).toBe(429);
    expect(refused.headers['content-type']).toMatch(/^application\/problem\+json/);
    expect(refused.body).toMatchObject({ code: 'RATE_LIMIT.EXCEEDED', scope: 'user' });
    const retryAfter = Number(refused.headers['retry-after']);
    expect(retryAfter).toBeGreaterThanOrEqual(1);
    expect(retryAfter).toBeLessThanOrEqual(Math.ceil(WINDOW_MS / 1000));
    expect(harness.fixture.hits).toBe(before); // refused before the service
    await asUser('admin').expect(200);

    await new Promise((resolve) => setTimeout(resolve, retryAfter * 1000 + 50));
    await asUser('officer').expect(200);
  });

  it('when one client IP goes over its limit, then even anonymous and token-less requests get 429 while probes still answer, and it resets after the window', async () => {
    // behind one trusted proxy hop, the client is the X-Forwarded-For address: a fresh IP for this test
    const from = (req: request.Test) => req.set('x-forwarded-for', '203.0.113.7');
    const statuses: number[] = [];
    for (let i = 0; i < PER_IP + 2; i++) statuses.push((await from(anonymous())).status);
    expect(statuses.slice(0, PER_IP).every((s) => s === 200)).toBe(true);
    expect(statuses.slice(PER_IP)).toEqual([429, 429]);
    const noToken = await from(request(harness.url).get('/api/employers/things'));
    expect([noToken.status, noToken.body.scope]).toEqual([429, 'ip']);
    expect(noToken.headers['retry-after']).toMatch(/^\d+$/);
    await anonymous().expect(200); // another client (the socket's address) is not affected
    await from(request(harness.url).get('/healthz')).expect(200); // probes and docs are not counted
    await from(request(harness.url).get('/openapi.json')).expect(200);

    await new Promise((resolve) => setTimeout(resolve, Number(noToken.headers['retry-after']) * 1000 + 50));
    await from(anonymous()).expect(200);
  });

  it('when Redis cannot be reached, then requests are let through (fail open) instead of failing', async () => {
    const ns = testNamespace();
    const gone = createClient({ url: ns.redisUrl, disableOfflineQueue: true });
    await gone.connect();
    await gone.quit(); // a real client whose connection is closed: every command now fails at once
    const limiter = createRateLimiter(gone, { perIp: 1, perUser: 1, windowMs: WINDOW_MS, prefix: ns.redisPrefix }, createLogger({ name: 'test', level: 'silent' }));
    expect(await limiter.hit('198.51.100.1', 'u-1')).toEqual({ allowed: true });
    expect(await limiter.hit('198.51.100.1', 'u-1')).toEqual({ allowed: true });
  });

  it('when many requests of one user arrive at once, or alternate between two gateway instances, then exactly the limit is let through', async () => {
    const ns = testNamespace();
    const redis = createClient({ url: ns.redisUrl });
    await redis.connect();
    try {
      const silent = createLogger({ name: 'test', level: 'silent' });
      const limits = { perIp: 1_000, perUser: 20, windowMs: 60_000 };
      const one = createRateLimiter(redis, { ...limits, prefix: `${ns.redisPrefix}burst:` }, silent);
      const burst = await Promise.all(Array.from({ length: 50 }, () => one.hit('198.51.100.2', 'u-burst')));
      expect(burst.filter((d) => d.allowed)).toHaveLength(20);
      expect((await one.hit('198.51.100.2', 'u-burst')).allowed).toBe(false);

      const [a, b] = [1, 2].map(() => createRateLimiter(redis, { ...limits, prefix: `${ns.redisPrefix}pair:` }, silent));
      let allowed = 0;
      for (let i = 0; i < 40; i++) if ((await (i % 2 ? a! : b!).hit('198.51.100.3', 'u-pair')).allowed) allowed++;
      expect(allowed).toBe(20);
    } finally {
      await redis.quit();
    }
  });
});
