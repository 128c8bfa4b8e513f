import { join } from 'node:path';
import { Router } from 'express';
import request from 'supertest';
import { testNamespace } from '@hoanhap/testing';
import { AppError, createApp } from '../src';

const ns = testNamespace();
const openapi = join(__dirname, 'fixtures', 'openapi.yaml');
const validJob = { title: 'Thợ hàn', openings: 2, address: { provinceCode: '40' } };

function routes(): Router {
  const router = Router();
  router.get('/jobs', (req, res) => {
    res.json({ query: req.query, context: req.context });
  });
  router.post('/jobs', (req, res) => {
    res.status(201).json(req.body);
  });
  router.get('/jobs/:id', (req, res) => {
    res.json({ id: req.params.id });
  });
  router.get('/failures/app-error', () => {
    throw new AppError('JOB.ALREADY_CLOSED', 409, 'the job is closed', { headers: { 'Retry-After': '5' } });
  });
  router.get('/failures/crash', () => {
    throw new TypeError(`secret internals at ${ns.mongoUri}`);
  });
  return router;
}

const app = createApp({ name: 'kit-test', openapi, routes: routes(), bodyLimit: '1kb' });

function expectProblem(res: request.Response, status: number, code: string) {
  expect(res.status).toBe(status);
  expect(res.headers['content-type']).toMatch(/^application\/problem\+json/);
  expect(res.body).toMatchObject({ status, code, type: expect.any(String), title: expect.any(String) });
  expect(JSON.stringify(res.body)).not.toMatch(/at .*\.ts:\d+|stack/);
}

describe('createApp: validation against openapi.yaml', () => {
  it('when a body misses a field and breaks a pattern, then 400 problem+json names each field and rule', async () => {
    const res = await request(app).post('/jobs').send({ openings: 0, address: { provinceCode: 'x' }, salary: 1 });
    expectProblem(res, 400, 'REQUEST.VALIDATION_FAILED');
    expect(res.body.errors).toEqual(
      expect.arrayContaining([
        expect.objectContaining({ field: 'title', in: 'body', rule: 'required' }),
        expect.objectContaining({ field: 'openings', rule: 'minimum' }),
        expect.objectContaining({ field: 'address.provinceCode', rule: 'pattern' }),
        expect.objectContaining({ field: 'salary', rule: 'unknown' }),
      ]),
    );
  });

  it('when a query string value is invalid or unknown, then 400 names the parameter', async () => {
    const res = await request(app).get('/jobs?limit=abc&provinceCode=1&colour=red');
    expectProblem(res, 400, 'REQUEST.VALIDATION_FAILED');
    expect(res.body.errors.map((e: { field: string; rule: string }) => `${e.field}:${e.rule}`).sort()).toEqual(
      ['colour:unknown', 'limit:type', 'provinceCode:pattern'].sort(),
    );
  });

  it('when a query string is valid, then the handler gets coerced values and defaults', async () => {
    const res = await request(app).get('/jobs?provinceCode=40&skills=welding');
    expect(res.status).toBe(200);
    expect(res.body.query).toEqual({ provinceCode: '40', skills: ['welding'], limit: 20 });
  });

  it('when a path parameter breaks its format, then 400 names it', async () => {
    const res = await request(app).get('/jobs/not-a-uuid');
    expectProblem(res, 400, 'REQUEST.VALIDATION_FAILED');
    expect(res.body.errors).toEqual([expect.objectContaining({ field: 'id', in: 'path', rule: 'format' })]);
  });

  it('when a valid body is posted, then the route answers', async () => {
    const res = await request(app).post('/jobs').send(validJob);
    expect(res.status).toBe(201);
    expect(res.body).toEqual(validJob);
  });

  it('when the path is unknown, then 404 problem+json', async () => {
    expectProblem(await request(app).get('/nowhere'), 404, 'ROUTE.NOT_FOUND');
  });

  it('when the method is not declared for the path, then 405 problem+json with Allow', async () => {
    const res = await request(app).put('/jobs').send(validJob);
    expectProblem(res, 405, 'ROUTE.METHOD_NOT_ALLOWED');
    expect(res.headers.allow).toBe('GET, POST');
  });

  it('when the JSON is malformed, then 400 problem+json', async () => {
    const res = await request(app).post('/jobs').set('content-type', 'application/json').send('{"title": "Thợ hàn",');
    expectProblem(res, 400, 'REQUEST.MALFORMED_JSON');
  });

  it('when the body is larger than the limit, then 413 problem+json', async () => {
    const res = await request(app).post('/jobs').send({ ...validJob, description: 'x'.repeat(5_000) });
    expectProblem(res, 413, 'REQUEST.TOO_LARGE');
  });

  it('when the body is not JSON, then 415 problem+json', async () => {
    const res = await request(app).post('/jobs').set('content-type', 'text/plain').send('title=x');
    expectProblem(res, 415, 'REQUEST.UNSUPPORTED_MEDIA_TYPE');
  });

  it('when the body is missing, then 400 names the body', async () => {
    const res = await request(app).post('/jobs');
    expectProblem(res, 400, 'REQUEST.VALIDATION_FAILED');
    expect(res.body.errors).toEqual([expect.objectContaining({ field: 'body', rule: 'required' })]);
  });
});

describe('createApp: errors', () => {
  it('when a handler throws an AppError, then its status, code, message and headers are sent', async () => {
    const res = await request(app).get('/failures/app-error');
    expectProblem(res, 409, 'JOB.ALREADY_CLOSED');
    expect(res.body.detail).toBe('the job is closed');
    expect(res.headers['retry-after']).toBe('5');
  });

  it('when a handler throws anything else, then 500 problem+json says nothing of it', async () => {
    const res = await request(app).get('/failures/crash');
    expectProblem(res, 500, 'INTERNAL');
    expect(JSON.stringify(res.body)).not.toContain('secret internals');
  });
});

describe('createApp: request and correlation ids', () => {
  it('when a caller sends ids, then they are echoed and reach the handler', async () => {
    const res = await request(app).get('/jobs').set('x-request-id', 'req-1').set('x-correlation-id', 'corr-1');
    expect(res.headers['x-request-id']).toBe('req-1');
    expect(res.headers['x-correlation-id']).toBe('corr-1');
    expect(res.body.context).toEqual({ requestId: 'req-1', correlationId: 'corr-1' });
  });

  it('when a caller sends none (or unsafe ones), then new ids are generated', async () => {
    const res = await request(app).get('/jobs').set('x-request-id', 'bad id; drop');
    expect(res.headers['x-request-id']).toMatch(/^[0-9a-f-]{36}$/);
    expect(res.headers['x-correlation-id']).toBe(res.headers['x-request-id']);
    expect(res.headers['x-content-type-options']).toBe('nosniff');
  });
});
