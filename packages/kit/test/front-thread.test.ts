import { createServer, request as httpRequest } from 'node:http';
import { once } from 'node:events';
import type { AddressInfo } from 'node:net';
import { Router } from 'express';
import request from 'supertest';
import {
  createApp,
  createMetricsRegistry,
  JsonBytes,
  PASS,
  serveFromFrontThread,
  withHotRoutes,
  type FrontThread,
  type HotRoute,
} from '../src';
import { capturedLogger } from './fixtures/captured-logger';

let front: FrontThread;
let url: string;
let lines: Record<string, unknown>[];
let metrics: ReturnType<typeof createMetricsRegistry>;

beforeAll(async () => {
  const captured = capturedLogger('kit-front');
  lines = captured.lines;
  metrics = createMetricsRegistry({ defaultMetrics: false });
  const router = Router();
  router.get('/jobs/:id', (req, res) => void res.json({ id: req.params.id, via: 'express' }));
  router.get('/who', (req, res) => void res.json({ ip: req.ip }));
  router.post('/echo', (req, res) => void res.status(201).json({ got: req.body }));
  // an in-flight limit of 2: a response whose end the injection did not report would hold a place for ever
  const app = createApp({ name: 'kit-front', routes: router, logger: captured.logger, metrics, trustProxy: 'loopback', maxInFlight: 2 });
  const hot: HotRoute = {
    path: /^\/jobs\/([^/]+)$/,
    template: '/jobs/:id',
    answer: ([id], query, req, res) => {
      if (query.has('full')) return PASS;
      if (id === 'bigint') return Promise.resolve({ id, count: 1n });
      if (id === 'bytes' || id === 'pooled') return new JsonBytes(returned.set(id, jsonBytes(id)).get(id)!);
      res.setHeader('Server-Timing', 'match;dur=0.10');
      return { id, via: 'hot', title: 'Thợ hàn — Phường Cửa Lò', auth: req.headers.authorization ?? null };
    },
  };
  front = await serveFromFrontThread(withHotRoutes(app, [hot]), {
    port: 0,
    host: '127.0.0.1',
    logger: captured.logger,
    bodyLimitBytes: 4096,
  });
  url = `http://127.0.0.1:${front.port}`;
});

const returned = new Map<string, Buffer>();
// UTF-8 JSON in a buffer of its own (moved to the front thread), or a small slice of Buffer's shared pool (copied)
const jsonBytes = (id: string) => {
  const text = Buffer.from(JSON.stringify({ id, title: 'Thợ hàn — Phường Cửa Lò', padding: 'x'.repeat(id === 'bytes' ? 9000 : 10) }));
  if (id !== 'bytes') return text;
  const own = Buffer.allocUnsafeSlow(text.length);
  text.copy(own);
  return own;
};

afterAll(async () => {
  await front?.stop();
});

describe('serveFromFrontThread: a worker thread holds the connections, this thread answers', () => {
  it('when a GET is on a hot route, then the hot answer comes back whole: body, UTF-8 length, its headers, ids, log line and metric', async () => {
    const res = await request(url).get('/jobs/j1').set('authorization', 'Bearer t').set('x-correlation-id', 'corr-9').expect(200);
    expect(res.body).toEqual({ id: 'j1', via: 'hot', title: 'Thợ hàn — Phường Cửa Lò', auth: 'Bearer t' });
    expect(Number(res.headers['content-length'])).toBe(Buffer.byteLength(JSON.stringify(res.body)));
    expect(res.headers['content-type']).toBe('application/json; charset=utf-8');
    expect(res.headers['server-timing']).toBe('match;dur=0.10');
    expect(res.headers['x-content-type-options']).toBe('nosniff');
    expect(res.headers['x-correlation-id']).toBe('corr-9');
    const line = lines.find((l) => (l.req as { id?: string } | undefined)?.id === res.headers['x-request-id']);
    expect(line).toMatchObject({ correlationId: 'corr-9', req: { method: 'GET', path: '/jobs/j1' }, res: { statusCode: 200 } });
    expect(await metrics.metrics()).toMatch(/http_request_duration_seconds_count\{route="\/jobs\/:id",method="GET",status="200"\} 1/);
  });

  it('when a hot route answers UTF-8 bytes (JsonBytes), then they come back byte for byte with their length, whether their buffer moved or was copied', async () => {
    for (const id of ['bytes', 'pooled']) {
      const res = await request(url)
        .get(`/jobs/${id}`)
        .buffer(true)
        .parse((r, done) => {
          const chunks: Buffer[] = [];
          r.on('data', (chunk: Buffer) => chunks.push(chunk));
          r.on('end', () => done(null, Buffer.concat(chunks)));
        });
      expect(res.status).toBe(200);
      expect((res.body as Buffer).equals(jsonBytes(id))).toBe(true);
      expect(Number(res.headers['content-length'])).toBe(jsonBytes(id).length);
      expect(res.headers['content-type']).toBe('application/json; charset=utf-8');
    }
    // a buffer of its own moved (this thread's view of it is empty now); the pool's slice was copied, and stays
    expect(returned.get('bytes')!.length).toBe(0);
    expect(returned.get('pooled')!.equals(jsonBytes('pooled'))).toBe(true);
  });

  it('when the hot route passes, or the path is another, then the full express stack answers, problems included', async () => {
    const passed = await request(url).get('/jobs/j2?full=1').set('x-request-id', 'req-7').expect(200);
    expect(passed.body).toEqual({ id: 'j2', via: 'express' });
    expect(passed.headers['x-request-id']).toBe('req-7');
    const unwritable = await request(url).get('/jobs/bigint').expect(200);
    expect(unwritable.body).toEqual({ id: 'bigint', via: 'express' });
    const missing = await request(url).get('/nowhere').expect(404);
    expect(missing.headers['content-type']).toMatch(/^application\/problem\+json/);
    expect(missing.body.code).toBe('ROUTE.NOT_FOUND');
    const head = await request(url).head('/jobs/j3?full=1').expect(200);
    expect(head.headers['x-request-id']).toBeDefined();
    const line = lines.find((l) => (l.req as { id?: string } | undefined)?.id === 'req-7');
    expect(line).toMatchObject({ req: { method: 'GET', path: '/jobs/j2' }, res: { statusCode: 200 }, msg: 'request completed' });
    expect(await metrics.metrics()).toMatch(/http_request_duration_seconds_count\{route="\/jobs\/:id",method="GET",status="200"\} [2-9]/);
    // one after the other, more than the in-flight limit: each injected answer gave its place back
    for (let i = 0; i < 5; i++) await request(url).get(`/jobs/seq-${i}?full=1`).expect(200);
  });

  it('when a request has a body, then express receives it whole; malformed JSON is its 400, a body over the limit a 413', async () => {
    const echoed = await request(url).post('/echo').send({ tên: 'Nguyễn Văn A', n: 3 }).expect(201);
    expect(echoed.body).toEqual({ got: { tên: 'Nguyễn Văn A', n: 3 } });
    const malformed = await request(url).post('/echo').set('content-type', 'application/json').send('{"a":').expect(400);
    expect(malformed.body.code).toBe('REQUEST.MALFORMED_JSON');
    const large = await request(url)
      .post('/echo')
      .send({ text: 'x'.repeat(5000) })
      .expect(413);
    expect(large.headers['content-type']).toMatch(/^application\/problem\+json/);
    expect(large.body).toMatchObject({ status: 413, code: 'REQUEST.TOO_LARGE' });
    expect(large.body.requestId).toBe(large.headers['x-request-id']);
  });

  it("when express asks for the client's address, then it is the client's, not the front thread's", async () => {
    // a client on another loopback address than the one inject would make up (127.0.0.1)
    const body = await new Promise<string>((resolve, reject) => {
      httpRequest({ host: '127.0.0.1', port: front.port, path: '/who', localAddress: '127.0.0.2' }, (res) => {
        let text = '';
        res
          .setEncoding('utf8')
          .on('data', (chunk: string) => (text += chunk))
          .once('end', () => resolve(text));
      })
        .once('error', reject)
        .end();
    });
    expect(JSON.parse(body).ip).toMatch(/^(::ffff:)?127\.0\.0\.2$/);
  });

  it('when many requests are in flight at once, then each gets its own answer', async () => {
    const ids = Array.from({ length: 40 }, (_, i) => `job-${i}`);
    const answers = await Promise.all(ids.map((id, i) => request(url).get(`/jobs/${id}${i % 2 ? '?full=1' : ''}`)));
    expect(answers.map((a) => a.body.id)).toEqual(ids);
    expect(answers.map((a) => a.body.via)).toEqual(ids.map((_, i) => (i % 2 ? 'express' : 'hot')));
  });

  it('when the port is taken, then starting says so and leaves no thread behind', async () => {
    const taken = createServer().listen(0, '127.0.0.1');
    await once(taken, 'listening');
    const port = (taken.address() as AddressInfo).port;
    const { logger } = capturedLogger('kit-front-taken');
    await expect(
      serveFromFrontThread(withHotRoutes(createApp({ name: 'taken', routes: Router(), logger }), []), { port, host: '127.0.0.1', logger }),
    ).rejects.toThrow(new RegExp(`cannot listen on ${port}: .*EADDRINUSE`));
    taken.close();
  });
});

describe('FrontThread.stop', () => {
  it('when stopped with an answer in flight, then that answer is written, and then the port is closed', async () => {
    const { logger } = capturedLogger('kit-front-stop');
    const app = createApp({ name: 'kit-front-stop', routes: Router(), logger });
    const slow: HotRoute = {
      path: /^\/slow$/,
      template: '/slow',
      answer: () => new Promise((resolve) => setTimeout(() => resolve({ done: true }), 300)),
    };
    const own = await serveFromFrontThread(withHotRoutes(app, [slow]), { port: 0, host: '127.0.0.1', logger });
    const answer = request(`http://127.0.0.1:${own.port}`)
      .get('/slow')
      .then((r) => r);
    await new Promise((resolve) => setTimeout(resolve, 100));
    const stopped = own.stop();
    const res = await answer;
    expect(res.status).toBe(200);
    expect(res.body).toEqual({ done: true });
    await stopped;
    const refused = await new Promise<string>((resolve) => {
      httpRequest({ host: '127.0.0.1', port: own.port, path: '/slow' })
        .once('error', (error: NodeJS.ErrnoException) => resolve(error.code ?? 'error'))
        .once('response', () => resolve('answered'))
        .end();
    });
    expect(refused).toBe('ECONNREFUSED');
  });
});
