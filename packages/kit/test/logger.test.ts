import { hostname } from 'node:os';
import { Router } from 'express';
import request from 'supertest';
import { testNamespace } from '@hoanhap/testing';
import { createApp } from '../src';
import { capturedLogger } from './fixtures/captured-logger';

testNamespace(); // no server touched; kept for the per-file convention

const capture = () => capturedLogger('kit-logger');

describe('logging', () => {
  it('when personal data and credentials are logged, then they are redacted at any of the first levels', () => {
    const { lines, logger } = capture();
    logger.info({ password: 'p', returnee: { fullName: 'Nguyễn Văn An', nationalId: '001090012345', phone: '0912345678', offence: 'x' } }, 'registered');
    const text = JSON.stringify(lines[0]);
    for (const secret of ['Nguyễn Văn An', '001090012345', '0912345678', '"p"']) expect(text).not.toContain(secret);
    expect(lines[0]).toMatchObject({ password: '[redacted]', returnee: { fullName: '[redacted]' } });
  });

  it('when a request carries a token, cookies and a searched name, then its log line has ids, method, path, status and the serving process but not them', async () => {
    const { lines, logger } = capture();
    const router = Router();
    router.get('/ping', (_req, res) => {
      res.json({});
    });
    await request(createApp({ name: 'kit-logger', routes: router, logger }))
      .get('/ping?name=Nguy%E1%BB%85n%20V%C4%83n%20An')
      .set('authorization', 'Bearer eyJsecret')
      .set('cookie', 'session=abc')
      .set('x-correlation-id', 'corr-9');
    const line = lines.find((l) => l.msg === 'request completed')!;
    expect(line).toMatchObject({ correlationId: 'corr-9', req: { method: 'GET', path: '/ping' }, res: { statusCode: 200 } });
    // as on every other line: which replica of a service answered
    expect(line).toMatchObject({ pid: process.pid, hostname: hostname() });
    const text = JSON.stringify(lines);
    for (const secret of ['eyJsecret', 'session=abc', 'Nguy', 'name=']) expect(text).not.toContain(secret);
  });

  it('when a request fails unexpectedly, then its line is an error with the stack and redacted fields; a refusal is a warning', async () => {
    const { lines, logger } = capture();
    const router = Router();
    router.get('/boom', () => {
      throw Object.assign(new Error('boom'), { nationalId: '001090012345' });
    });
    const app = createApp({ name: 'kit-logger', routes: router, logger });
    await request(app).get('/boom').expect(500);
    await request(app).get('/nowhere').expect(404);
    const failed = lines.find((l) => l.msg === 'request completed' && (l.req as { path: string }).path === '/boom')!;
    expect(failed).toMatchObject({ level: 50, res: { statusCode: 500 }, err: { message: 'boom', nationalId: '[redacted]' } });
    expect(String((failed.err as { stack: string }).stack)).toContain('boom');
    const refused = lines.find((l) => (l.req as { path?: string } | undefined)?.path === '/nowhere')!;
    expect(refused).toMatchObject({ level: 40, res: { statusCode: 404 }, name: 'kit-logger' });
    expect(typeof refused.responseTime).toBe('number');
  });
});
