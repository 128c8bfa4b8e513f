import { Router } from 'express';
import request from 'supertest';
import { createApp, type OpenApiDocument, validatesResponsesByDefault } from '../src';
import { capturedLogger } from './fixtures/captured-logger';
import { jobAnswer, jobsDocument as document } from './fixtures/jobs-answers.openapi';

/** The answer each test wants the route to send, by job id. */
const answers: Record<string, { status: number; body: unknown }> = {
  good: { status: 200, body: { id: 'good', title: 'Thợ hàn', openings: 2, postedAt: new Date('2026-01-02T03:04:05Z') } },
  extra: { status: 200, body: { id: 'extra', title: 'Thợ hàn', openings: 2, cccd: '001099000001' } },
  missing: { status: 200, body: { id: 'missing', openings: 2 } },
  'wrong-type': { status: 200, body: { id: 'wrong-type', title: 'Thợ hàn', openings: '2' } },
  'default-ok': { status: 409, body: { status: 409, code: 'JOB.CLOSED' } },
  'default-bad': { status: 409, body: { status: 'conflict' } },
};

function routes(): Router {
  const router = Router();
  router.get('/jobs/:id', (req, res) => {
    const answer = answers[req.params.id]!;
    res.status(answer.status);
    if (answer.status >= 400) res.type('application/problem+json');
    res.json(answer.body);
  });
  router.delete('/jobs/:id', (_req, res) => {
    res.status(204).end();
  });
  router.get('/jobs/:id/poster', (req, res) => {
    if (req.params.id === 'moved') return res.redirect('/elsewhere');
    res.type('text/plain').send('a poster');
  });
  return router;
}

function app(validateResponses?: boolean) {
  const { lines, logger } = capturedLogger('response-test');
  return { lines, app: createApp({ name: 'response-test', openapi: document, routes: routes(), logger, validateResponses }) };
}

function expectMismatch(res: request.Response, status: number, fieldRules: string[]) {
  expect(res.status).toBe(500);
  expect(res.headers['content-type']).toMatch(/^application\/problem\+json/);
  expect(res.body).toMatchObject({ status: 500, code: 'RESPONSE.SPEC_MISMATCH', operation: 'getJob', answeredStatus: status });
  expect(res.body.detail).toContain(`getJob answered ${status}`);
  expect(res.body.errors.map((e: { field: string; rule: string }) => `${e.field}:${e.rule}`).sort()).toEqual([...fieldRules].sort());
}

describe('response validation (on by default under jest)', () => {
  const { app: checked, lines } = app();

  it('when an answer matches its schema, then it is sent as the route wrote it (dates as strings)', async () => {
    const res = await request(checked).get('/jobs/good');
    expect(res.status).toBe(200);
    expect(res.body).toEqual({ id: 'good', title: 'Thợ hàn', openings: 2, postedAt: '2026-01-02T03:04:05.000Z' });
  });

  it('when an answer carries a field its schema does not have, then 500 names the field, and nothing of the answer leaves', async () => {
    const res = await request(checked).get('/jobs/extra');
    expectMismatch(res, 200, ['cccd:unknown']);
    expect(JSON.stringify(res.body)).not.toContain('001099000001');
  });

  it('when an answer misses a required field, then 500 names it', async () => {
    expectMismatch(await request(checked).get('/jobs/missing'), 200, ['title:required']);
  });

  it('when a field has the wrong type, then 500 names the field and the rule', async () => {
    expectMismatch(await request(checked).get('/jobs/wrong-type'), 200, ['openings:type']);
  });

  it('when the status is not declared, then it is checked against default', async () => {
    expect((await request(checked).get('/jobs/default-ok')).status).toBe(409);
    expectMismatch(await request(checked).get('/jobs/default-bad'), 409, ['status:type', 'code:required']);
  });

  it('when a mismatch is answered, then it is logged at error with the operation, status and fields', async () => {
    lines.length = 0;
    await request(checked).get('/jobs/missing');
    const line = lines.find((l) => l.msg === 'response does not match the openapi document');
    expect(line).toMatchObject({
      level: 50,
      operation: 'getJob',
      status: 200,
      errors: [expect.objectContaining({ field: 'title', rule: 'required' })],
    });
  });

  it('when an answer is not JSON (204, a file, a redirect), then it is left alone', async () => {
    expect((await request(checked).delete('/jobs/x')).status).toBe(204);
    const file = await request(checked).get('/jobs/x/poster');
    expect(file.status).toBe(200);
    expect(file.text).toBe('a poster');
    expect((await request(checked).get('/jobs/moved/poster')).status).toBe(302);
  });
});

describe('response validation, disabled', () => {
  it('when it is off, then a mismatching answer passes through', async () => {
    const res = await request(app(false).app).get('/jobs/extra');
    expect(res.status).toBe(200);
    expect(res.body.cccd).toBe('001099000001');
  });
});

describe('response validation, undeclared status', () => {
  it('when an operation has neither the status nor default, then the answer is flagged', async () => {
    const router = Router();
    router.get('/jobs/:id', (_req, res) => {
      res.status(202).json({ id: 'x' });
    });
    const strict: OpenApiDocument = {
      ...document,
      paths: { '/jobs/{id}': { get: { operationId: 'getJob', responses: { '200': jobAnswer } } } },
    };
    const res = await request(
      createApp({ name: 'response-test', openapi: strict, routes: router, logger: capturedLogger('x').logger }),
    ).get('/jobs/x');
    expectMismatch(res, 202, ['response:status']);
  });
});

describe('response validation, a schema that does not compile', () => {
  it('when a response schema has a keyword ajv does not know (a YAML slip), then the app does not start, naming the operation', () => {
    const broken: OpenApiDocument = {
      openapi: '3.1.0',
      info: { title: 'broken', version: '1.0.0' },
      paths: {
        '/jobs': {
          get: {
            operationId: 'listJobs',
            responses: {
              '200': { description: 'jobs', content: { 'application/json': { schema: { type: 'object', 'newest first': null } } } },
            },
          },
        },
      },
    };
    expect(() => createApp({ name: 'response-test', openapi: broken, routes: Router(), logger: capturedLogger('x').logger })).toThrow(
      /listJobs 200 application\/json: the response schema does not compile/,
    );
  });
});

describe('whether answers are checked when the app is not told', () => {
  it('when VALIDATE_RESPONSES says true or false, then that; unset or empty, then NODE_ENV=test decides', () => {
    expect(validatesResponsesByDefault({ VALIDATE_RESPONSES: 'true' })).toBe(true);
    expect(validatesResponsesByDefault({ VALIDATE_RESPONSES: 'false', NODE_ENV: 'test' })).toBe(false);
    expect(validatesResponsesByDefault({ VALIDATE_RESPONSES: '', NODE_ENV: 'test' })).toBe(true);
    expect(validatesResponsesByDefault({ NODE_ENV: 'production' })).toBe(false);
  });
});
