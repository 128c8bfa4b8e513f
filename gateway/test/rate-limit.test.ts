import request from 'supertest';
import { testNamespace, waitFor } from '@hoanhap/testing';
import { type Harness, startHarness } from './fixtures/gateway-harness';

// A 1 s window instead of a minute, so the reset is observed within the test.
const WINDOW_MS = 1_000;
const PER_USER = 3;
const PER_IP = 8;
let harness: Harness;
beforeAll(async () => {
  harness = await startHarness({ rateLimits: { perUser: PER_USER, perIp: PER_IP, windowMs: WINDOW_MS, prefix: testNamespace().redisPrefix } });
});
afterAll(() => harness.close());

const asUser = (role: 'officer' | 'admin') => request(harness.url).get('/api/employers/things').set('authorization', `Bearer ${harness.tokenFor(role)}`);
const anonymous = () => request(harness.url).get('/api/employers/public/info');
const startOfFreshWindow = () => waitFor('a fresh window', async () => (await anonymous()).status === 200, 5_000, 100);

describe('rate limits (Redis, fixed window)', () => {
  it('when a user goes over their limit, then 429 problem+json with Retry-After, other users are still served, and the user is served again after the window', async () => {
    await startOfFreshWindow();
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

  it('when one IP goes over its limit, then even anonymous and token-less requests get 429, and it resets after the window', async () => {
    await new Promise((resolve) => setTimeout(resolve, WINDOW_MS + 50)); // the previous test's hits have expired
    const statuses: number[] = [];
    for (let i = 0; i < PER_IP + 2; i++) statuses.push((await anonymous()).status);
    expect(statuses.slice(0, PER_IP).every((s) => s === 200)).toBe(true);
    expect(statuses.slice(PER_IP)).toEqual([429, 429]);
    const noToken = await request(harness.url).get('/api/employers/things');
    expect([noToken.status, noToken.body.scope]).toEqual([429, 'ip']);
    expect(noToken.headers['retry-after']).toMatch(/^\d+$/);

    await new Promise((resolve) => setTimeout(resolve, Number(noToken.headers['retry-after']) * 1000 + 50));
    await anonymous().expect(200);
  });

  it('when probes and docs are fetched, then they are not counted', async () => {
    await new Promise((resolve) => setTimeout(resolve, WINDOW_MS + 50));
    for (let i = 0; i < PER_IP + 2; i++) await request(harness.url).get('/healthz').expect(200);
    await anonymous().expect(200);
  });
});
