import request from 'supertest';
import { type Harness, startHarness } from './fixtures/gateway-harness';

// long enough that a refused connection (503) always beats the deadline on a busy machine
const TIMEOUT_MS = 1_500;
let harness: Harness;
beforeAll(async () => {
  harness = await startHarness({
    upstreamTimeoutMs: TIMEOUT_MS,
    slowMs: 3_000,
    bodyLimitBytes: 1_024,
    // cases exists in the table but has no document: not deployed yet
    extraServices: [{ name: 'cases', url: 'http://127.0.0.1:9' }],
  });
});
afterAll(() => harness.close());

const asOfficer = (path: string) =>
  request(harness.url)
    .get(path)
    .set('authorization', `Bearer ${harness.tokenFor('officer')}`);

async function timed(req: request.Test) {
  const started = Date.now();
  const res = await req;
  return { res, ms: Date.now() - started };
}

function expectProblem(res: request.Response, status: number, code: string) {
  expect([res.status, res.body.code]).toEqual([status, code]);
  expect(res.headers['content-type']).toMatch(/^application\/problem\+json/);
}

describe('when a service is slow, down or not deployed', () => {
  it('when the service answers later than the timeout, then 504 problem+json within the timeout', async () => {
    const { res, ms } = await timed(asOfficer('/api/employers/slow'));
    expectProblem(res, 504, 'UPSTREAM.TIMEOUT');
    expect(res.body.service).toBe('employers');
    expect(ms).toBeGreaterThanOrEqual(TIMEOUT_MS - 20);
    expect(ms).toBeLessThan(TIMEOUT_MS + 500);
  });

  it('when the service is stopped, then 503 problem+json with Retry-After at once; restarted, then served again without restarting the gateway', async () => {
    await asOfficer('/api/employers/things').expect(200); // a pooled keep-alive connection now exists
    await harness.fixture.stop();
    const { res, ms } = await timed(asOfficer('/api/employers/things'));
    expectProblem(res, 503, 'UPSTREAM.UNAVAILABLE');
    expect(res.headers['retry-after']).toMatch(/^\d+$/);
    expect(ms).toBeLessThan(TIMEOUT_MS);

    const ready = await request(harness.url).get('/readyz');
    expect(ready.status).toBe(503);
    expect(ready.body.checks).toEqual({ employers: 'down', identity: 'down', redis: 'up' }); // cases is not deployed: not checked

    await harness.fixture.restart();
    await asOfficer('/api/employers/things').expect(200);
  });

  it('when a POST finds the service stopped, then 503 too (never retried: it may not be idempotent)', async () => {
    await harness.fixture.stop();
    try {
      const res = await request(harness.url)
        .post('/api/employers/things')
        .set('authorization', `Bearer ${harness.tokenFor('officer')}`)
        .send({ a: 1 });
      expectProblem(res, 503, 'UPSTREAM.UNAVAILABLE');
    } finally {
      await harness.fixture.restart();
    }
  });

  it('when the service drops the connection without answering, then 502 problem+json', async () => {
    const res = await asOfficer('/api/employers/broken');
    expectProblem(res, 502, 'UPSTREAM.BAD_GATEWAY');
    await asOfficer('/api/employers/things').expect(200); // and the pool still works
  });

  it('when a service has no OpenAPI document yet, then its paths answer 503 UPSTREAM.NOT_DEPLOYED', async () => {
    const res = await asOfficer('/api/cases/returnees');
    expectProblem(res, 503, 'UPSTREAM.NOT_DEPLOYED');
  });

  it('when the body is larger than the limit, then 413 problem+json before the service sees it (with or without Content-Length)', async () => {
    const before = harness.fixture.hits;
    const big = { note: 'x'.repeat(2_000) };
    const declared = await request(harness.url)
      .post('/api/employers/echo')
      .set('authorization', `Bearer ${harness.tokenFor('officer')}`)
      .send(big);
    expectProblem(declared, 413, 'REQUEST.TOO_LARGE');
    expect(declared.headers.connection).toBe('close');
    expect(harness.fixture.hits).toBe(before);

    const chunked = await fetch(`${harness.url}/api/employers/echo`, {
      method: 'POST',
      headers: { authorization: `Bearer ${harness.tokenFor('officer')}`, 'content-type': 'application/json' },
      body: new ReadableStream({
        start(controller) {
          controller.enqueue(new TextEncoder().encode(JSON.stringify(big)));
          controller.close();
        },
      }),
      duplex: 'half',
    } as RequestInit);
    expect(chunked.status).toBe(413);
    expect(chunked.headers.get('connection')).toBe('close');
    expect(((await chunked.json()) as { code: string }).code).toBe('REQUEST.TOO_LARGE');
    // the client's next request is answered (not queued behind the unread rest of the body)
    expect((await fetch(`${harness.url}/healthz`)).status).toBe(200);
  });
});
