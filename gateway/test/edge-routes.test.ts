import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import request from 'supertest';
import { type Harness, startHarness, WEB_ORIGIN } from './fixtures/gateway-harness';

let harness: Harness;
const webDist = mkdtempSync(join(tmpdir(), 'gw-web-'));
beforeAll(async () => {
  writeFileSync(join(webDist, 'index.html'), '<!doctype html><title>Hòa Nhập</title>');
  writeFileSync(join(webDist, 'app.js'), 'console.log(1)');
  harness = await startHarness({ webDistDir: webDist });
});
afterAll(() => harness.close());

function expectProblem(res: request.Response, status: number, code: string) {
  expect([res.status, res.body.code]).toEqual([status, code]);
  expect(res.headers['content-type']).toMatch(/^application\/problem\+json/);
}

describe('reference data (served by the gateway, public)', () => {
  it('when provinces are listed without a token, then the 34 provinces in force answer', async () => {
    const res = await request(harness.url).get('/api/reference/provinces').expect(200);
    expect(res.body.items).toHaveLength(34);
    expect(res.body.items[0]).toMatchObject({ code: '01', name: expect.any(String) });
    expect(res.headers['cache-control']).toMatch(/max-age/);
  });
  it('when one province is asked for by code, then it answers; an unknown code is 404 problem+json', async () => {
    expect((await request(harness.url).get('/api/reference/provinces/40').expect(200)).body).toMatchObject({
      code: '40',
      shortName: 'Nghệ An',
    });
    expectProblem(await request(harness.url).get('/api/reference/provinces/99'), 404, 'REFERENCE.PROVINCE_NOT_FOUND');
  });
  it("when communes are listed for a province, then only that province's answer; an unknown province is 400", async () => {
    const res = await request(harness.url).get('/api/reference/communes?provinceCode=40').expect(200);
    expect(res.body.items.length).toBeGreaterThan(50);
    expect(res.body.items.every((c: { provinceCode: string }) => c.provinceCode === '40')).toBe(true);
    expect(res.body.items.map((c: { code: string }) => c.code)).toContain('16681');
    expectProblem(await request(harness.url).get('/api/reference/communes?provinceCode=99'), 400, 'REQUEST.VALIDATION_FAILED');
  });
  it('when a reference list gets an undeclared or operator-shaped query parameter, then 400 problem+json, not the whole list', async () => {
    expectProblem(await request(harness.url).get('/api/reference/communes?provinceCode%5B%24gt%5D='), 400, 'REQUEST.VALIDATION_FAILED');
    expectProblem(await request(harness.url).get('/api/reference/skills?$where=1'), 400, 'REQUEST.VALIDATION_FAILED');
  });
  it('when occupations and skills are listed, then the curated lists answer', async () => {
    const occupations = await request(harness.url).get('/api/reference/occupations').expect(200);
    expect(occupations.body.items.map((o: { code: string }) => o.code)).toEqual(expect.arrayContaining(['7212', '8322']));
    const skills = await request(harness.url).get('/api/reference/skills').expect(200);
    expect(skills.body.items.map((s: { slug: string }) => s.slug)).toContain('welding');
  });
});

describe('unknown paths and methods', () => {
  it('when a path no document declares is asked for, then 404 problem+json (under /api, /auth and elsewhere)', async () => {
    for (const path of ['/api/employers/nothing-here', '/api/nosuchservice/x', '/auth/nothing', '/nowhere', '/api/reference/nothing']) {
      const res = await request(harness.url)
        .get(path)
        .set('authorization', `Bearer ${harness.tokenFor('admin')}`);
      expect([path, res.status, res.body.code]).toEqual([path, 404, 'ROUTE.NOT_FOUND']);
      expect(res.headers['content-type']).toMatch(/^application\/problem\+json/);
    }
  });
  it('when a declared path is called with another method, then 405 with Allow', async () => {
    const res = await request(harness.url)
      .put('/api/employers/things')
      .set('authorization', `Bearer ${harness.tokenFor('admin')}`);
    expectProblem(res, 405, 'ROUTE.METHOD_NOT_ALLOWED');
    expect(res.headers.allow).toBe('GET, POST');
  });
});

describe('CORS', () => {
  it('when the web origin sends a preflight, then it is allowed with the Authorization header', async () => {
    const res = await request(harness.url)
      .options('/api/employers/things')
      .set('origin', WEB_ORIGIN)
      .set('access-control-request-method', 'POST')
      .set('access-control-request-headers', 'authorization,content-type');
    expect(res.status).toBe(204);
    expect(res.headers['access-control-allow-origin']).toBe(WEB_ORIGIN);
    expect(res.headers['access-control-allow-headers']).toMatch(/Authorization/i);
    expect(res.headers['access-control-allow-methods']).toMatch(/POST/);
  });
  it('when another origin sends a preflight or a request, then no Access-Control-Allow-Origin is given', async () => {
    const preflight = await request(harness.url)
      .options('/api/employers/things')
      .set('origin', 'https://evil.example')
      .set('access-control-request-method', 'GET');
    expect(preflight.headers['access-control-allow-origin']).toBeUndefined();
    const simple = await request(harness.url).get('/api/reference/provinces').set('origin', 'https://evil.example');
    expect(simple.headers['access-control-allow-origin']).toBeUndefined();
  });
  it('when the web origin makes a request that is proxied, then the gateway’s CORS headers are on the response', async () => {
    const res = await request(harness.url)
      .get('/api/employers/things')
      .set('origin', WEB_ORIGIN)
      .set('authorization', `Bearer ${harness.tokenFor('officer')}`)
      .expect(200);
    expect(res.headers['access-control-allow-origin']).toBe(WEB_ORIGIN);
    expect(res.headers['access-control-expose-headers']).toMatch(/X-Request-Id/i);
  });
});

describe('probes and metrics', () => {
  it('when every service and Redis answer, then /readyz is 200 and names each check', async () => {
    const res = await request(harness.url).get('/readyz').expect(200);
    expect(res.body).toEqual({ status: 'ready', checks: { redis: 'up', identity: 'up', employers: 'up' } });
    await request(harness.url).get('/healthz').expect(200, { status: 'up' });
  });
  it('when /metrics is scraped from the same host, then request durations are there by route template', async () => {
    await request(harness.url)
      .get('/api/employers/things/t-9')
      .set('authorization', `Bearer ${harness.tokenFor('officer')}`)
      .expect(200);
    const res = await request(harness.url).get('/metrics').expect(200);
    expect(res.text).toMatch(/http_request_duration_seconds_count\{route="\/api\/employers\/things\/\{id\}",method="GET",status="200"\}/);
  });
});

describe('the built web UI', () => {
  it('when web/dist exists, then / serves its index.html, its files are served and client-side routes fall back to index.html', async () => {
    expect((await request(harness.url).get('/').expect(200)).text).toContain('Hòa Nhập');
    await request(harness.url).get('/app.js').expect(200);
    expect((await request(harness.url).get('/returnees/123').set('accept', 'text/html').expect(200)).text).toContain('Hòa Nhập');
  });
});
