import { Router } from 'express';
import request from 'supertest';
import { AppError, createApp, createMetricsRegistry, JsonBytes, PASS, withHotRoutes, type HotRoute } from '../src';
import { capturedLogger } from './fixtures/captured-logger';
import { jobsDocument } from './fixtures/jobs-answers.openapi';

function setup() {
  const { lines, logger } = capturedLogger('kit-hot');
  const metrics = createMetricsRegistry({ defaultMetrics: false });
  const router = Router();
  router.get('/jobs/:id', (req, res) => {
    if (req.params.id === 'closed') throw new AppError('JOB.ALREADY_CLOSED', 409, 'the job is closed');
    res.json({ id: req.params.id, via: 'express', query: req.query });
  });
  const app = createApp({ name: 'kit-hot', routes: router, logger, metrics });
  const hot: HotRoute = {
    path: /^\/jobs\/([^/]+)$/,
    template: '/jobs/:id',
    answer: async ([id], query) => {
      if (id === 'closed' || query.has('slow')) return PASS;
      if (id === 'broken') throw new Error('hot route failed');
      if (id === 'bigint') return { id, count: 1n };
      if (id === 'vi') return { id, title: 'Thợ hàn — Phường Cửa Lò', wage: '11.700.000 ₫' };
      // written by the route itself: sent as it is, never written again
      if (id === 'written') return new JsonBytes(Buffer.from('{"id":"written","via":"bytes",  "spaced":true}'));
      if (id === 'bytes') return new JsonBytes(Buffer.from('{"id":"bytes","title":"Thợ hàn"}'));
      return { id, via: 'hot' };
    },
  };
  return { lines, metrics, listener: withHotRoutes(app, [hot]) };
}

describe('withHotRoutes: a few GET routes answered before express', () => {
  it('when a hot route answers, then the body is its own, with helmet headers, ids, a log line and a metric like express gives', async () => {
    const { lines, metrics, listener } = setup();
    const hot = await request(listener).get('/jobs/j1').set('x-correlation-id', 'corr-1').expect(200);
    const full = await request(listener).get('/jobs/j1?slow=1').expect(200);
    expect(hot.body).toEqual({ id: 'j1', via: 'hot' });
    expect(full.body.via).toBe('express');
    expect(hot.headers['content-type']).toBe(full.headers['content-type']);
    for (const name of ['content-security-policy', 'strict-transport-security', 'x-content-type-options', 'x-frame-options', 'cross-origin-opener-policy', 'referrer-policy']) {
      expect([name, hot.headers[name]]).toEqual([name, full.headers[name]]);
    }
    expect(hot.headers['x-powered-by']).toBeUndefined();
    expect(hot.headers['x-correlation-id']).toBe('corr-1');
    expect(hot.headers['x-request-id']).toMatch(/^[0-9a-f-]{36}$/);
    const line = lines.find((l) => (l.req as { id?: string } | undefined)?.id === hot.headers['x-request-id']);
    expect(line).toMatchObject({ correlationId: 'corr-1', req: { method: 'GET', path: '/jobs/j1' }, res: { statusCode: 200 }, msg: 'request completed' });
    const text = await metrics.metrics();
    expect(text).toMatch(/http_request_duration_seconds_count\{route="\/jobs\/:id",method="GET",status="200"\} 2/);
  });

  it('when the answer has Vietnamese text, then Content-Length counts its UTF-8 bytes, not its characters', async () => {
    const { listener } = setup();
    const res = await request(listener).get('/jobs/vi').buffer(true).expect(200);
    const text = JSON.stringify({ id: 'vi', title: 'Thợ hàn — Phường Cửa Lò', wage: '11.700.000 ₫' });
    expect(Number(res.headers['content-length'])).toBe(Buffer.byteLength(text));
    expect(Number(res.headers['content-length'])).toBeGreaterThan(text.length);
    expect(res.body).toEqual({ id: 'vi', title: 'Thợ hàn — Phường Cửa Lò', wage: '11.700.000 ₫' });
  });

  it('when a hot route returns its JSON already written (JsonBytes), then those bytes are the body, byte for byte', async () => {
    const { listener } = setup();
    const res = await request(listener).get('/jobs/written').buffer(true).parse((r, done) => {
      let text = '';
      r.setEncoding('utf8').on('data', (chunk: string) => (text += chunk));
      r.on('end', () => done(null, text));
    });
    expect(res.status).toBe(200);
    expect(res.headers['content-type']).toBe('application/json; charset=utf-8');
    expect(res.body).toBe('{"id":"written","via":"bytes",  "spaced":true}');
    expect(Number(res.headers['content-length'])).toBe(res.body.length);
  });

  it('when a hot route returns its JSON as UTF-8 bytes (JsonBytes), then those bytes are the body, with their length', async () => {
    const { listener } = setup();
    const res = await request(listener).get('/jobs/bytes').expect(200);
    expect(res.headers['content-type']).toBe('application/json; charset=utf-8');
    expect(Number(res.headers['content-length'])).toBe(Buffer.byteLength('{"id":"bytes","title":"Thợ hàn"}'));
    expect(res.body).toEqual({ id: 'bytes', title: 'Thợ hàn' });
  });

  it('when a hot route passes, fails or returns a body JSON cannot write, then express answers: its route, its problem+json', async () => {
    const { listener } = setup();
    const closed = await request(listener).get('/jobs/closed').expect(409);
    expect(closed.headers['content-type']).toMatch(/^application\/problem\+json/);
    expect(closed.body.code).toBe('JOB.ALREADY_CLOSED');
    const broken = await request(listener).get('/jobs/broken').expect(200);
    expect(broken.body.via).toBe('express');
    const unwritable = await request(listener).get('/jobs/bigint').expect(200);
    expect(unwritable.body).toEqual({ id: 'bigint', via: 'express', query: {} });
  });

  it('when the method is not GET or the path is not a hot one, then express answers', async () => {
    const { listener } = setup();
    await request(listener).post('/jobs/j1').send({}).expect(404);
    const head = await request(listener).head('/jobs/j1').expect(200);
    expect(head.headers['x-request-id']).toBeDefined();
    const unknown = await request(listener).get('/elsewhere').expect(404);
    expect(unknown.body.code).toBe('ROUTE.NOT_FOUND');
  });
});

describe('withHotRoutes under response validation (tests): hot answers are checked against the spec like express answers', () => {
  function validating(validateResponses: boolean) {
    const { lines, logger } = capturedLogger('kit-hot-checked');
    const app = createApp({ name: 'kit-hot-checked', routes: Router(), logger, openapi: jobsDocument, validateResponses });
    const hot: HotRoute = {
      path: /^\/jobs\/([^/]+)$/,
      template: '/jobs/:id',
      // 'leaky' answers a member the spec does not name, as a hot route that drifted from its express twin would
      answer: ([id]) => ({ id, title: 'Thợ hàn', openings: 2, ...(id === 'leaky' ? { nationalId: '001099012345' } : {}) }),
    };
    return { lines, listener: withHotRoutes(app, [hot]) };
  }

  it('when a hot answer carries a member its spec does not name, then it is not sent: 500 RESPONSE.SPEC_MISMATCH naming the member, logged', async () => {
    const { lines, listener } = validating(true);
    const leaky = await request(listener).get('/jobs/leaky').expect(500);
    expect(leaky.headers['content-type']).toMatch(/^application\/problem\+json/);
    expect(leaky.body).toMatchObject({
      code: 'RESPONSE.SPEC_MISMATCH',
      operation: 'getJob',
      answeredStatus: 200,
      requestId: leaky.headers['x-request-id'],
    });
    expect(leaky.body.errors).toEqual([expect.objectContaining({ field: 'nationalId', in: 'response', rule: 'unknown' })]);
    expect(JSON.stringify(leaky.body)).not.toContain('001099012345');
    expect(lines.some((l) => l.msg === 'response does not match the openapi document' && l.operation === 'getJob')).toBe(true);
    const fine = await request(listener).get('/jobs/j1').expect(200);
    expect(fine.body).toEqual({ id: 'j1', title: 'Thợ hàn', openings: 2 });
  });

  it('when answers are not validated (production), then a hot answer is sent as it is', async () => {
    const { listener } = validating(false);
    const leaky = await request(listener).get('/jobs/leaky').expect(200);
    expect(leaky.body.nationalId).toBe('001099012345');
  });
});
