import { existsSync } from 'node:fs';
import { join } from 'node:path';
import request from 'supertest';
import { GATEWAY_OPENAPI } from '../src/app';
import { HTTP_METHODS, mergeOpenApi, OpenApiConventionError, type SourceDocument } from '../src/openapi/merge-openapi';
import { createRouteTable } from '../src/openapi/route-table';
import { SERVICES } from '../src/services';
import { type Harness, startHarness } from './fixtures/gateway-harness';

let harness: Harness;
beforeAll(async () => {
  harness = await startHarness();
});
afterAll(() => harness.close());

function everyOperation(document: { paths?: Record<string, Record<string, unknown>> }) {
  return Object.entries(document.paths ?? {}).flatMap(([path, item]) =>
    HTTP_METHODS.filter((m) => item[m]).map((method) => ({ path, method, operation: item[method] as Record<string, unknown> })),
  );
}

describe('GET /openapi.json', () => {
  it('when fetched, then every service document is merged under its prefix, with namespaced components', async () => {
    const { body } = await request(harness.url).get('/openapi.json').expect(200).expect('content-type', /json/);
    expect(body.openapi).toBe('3.1.0');
    expect(Object.keys(body.paths)).toEqual(
      expect.arrayContaining(['/healthz', '/readyz', '/openapi.json', '/docs', '/api/reference/provinces', '/auth/login', '/auth/me', '/api/identity/users', '/api/employers/things', '/api/employers/things/{id}']),
    );
    expect(Object.keys(body.paths).some((p) => p.startsWith('/things'))).toBe(false);
    expect(body.components.schemas).toHaveProperty(['employers.ThingId']);
    expect(body.components.schemas).toHaveProperty(['identity.ThingId']);
    expect(body.paths['/api/employers/things/{id}'].parameters[0].schema.$ref).toBe('#/components/schemas/employers.ThingId');
  });

  it('when fetched, then every operation has an operationId and x-roles, and protected ones declare the bearer scheme', async () => {
    const { body } = await request(harness.url).get('/openapi.json').expect(200);
    for (const { path, method, operation } of everyOperation(body)) {
      expect([path, method, typeof operation.operationId, Array.isArray(operation['x-roles'])]).toEqual([path, method, 'string', true]);
      const isPublic = (operation['x-roles'] as string[]).includes('public');
      expect([path, method, operation.security]).toEqual([path, method, isPublic ? [] : [{ bearerAuth: [] }]]);
    }
  });

  it("when the repository's own service documents are merged, then every operation has x-roles (an operation without fails this build)", () => {
    const servicesDir = join(__dirname, '..', '..', 'services');
    const sources: SourceDocument[] = [
      { service: 'gateway', document: GATEWAY_OPENAPI },
      ...SERVICES.map((s) => ({ service: s.name, document: join(servicesDir, s.name, 'openapi.yaml') })).filter((s) => existsSync(s.document)),
    ];
    const merged = mergeOpenApi(sources); // throws OpenApiConventionError naming each offender
    for (const { path, method, operation } of everyOperation(merged.document)) {
      expect([path, method, Array.isArray(operation['x-roles']) && (operation['x-roles'] as unknown[]).length > 0]).toEqual([path, method, true]);
    }
  });

  it('when a document has an operation without x-roles, unknown roles or public mixed with roles, then merging fails naming each', () => {
    const document = {
      openapi: '3.1.0',
      paths: {
        '/a': { get: { operationId: 'a' }, post: { operationId: 'b', 'x-roles': ['officer', 'janitor'] } },
        '/c': { get: { operationId: 'c', 'x-roles': ['public', 'admin'] }, put: { 'x-roles': ['admin'] } },
      },
    };
    let caught: unknown;
    try {
      mergeOpenApi([{ service: 'cases', document }]);
    } catch (error) {
      caught = error;
    }
    expect(caught).toBeInstanceOf(OpenApiConventionError);
    expect((caught as OpenApiConventionError).issues).toEqual([
      'cases: GET /a has no x-roles (a non-empty list is required)',
      'cases: POST /a x-roles names unknown roles: janitor',
      'cases: GET /c x-roles mixes public with roles',
      'cases: PUT /c has no operationId',
    ]);
  });

  it('when paths are looked up, then literal segments win, HEAD falls back to GET and dot segments match nothing', () => {
    const { operations } = mergeOpenApi([{ service: 'employers', document: { openapi: '3.1.0', paths: {
      '/jobs/{id}': { get: { operationId: 'getJob', 'x-roles': ['employer'] } },
      '/jobs/search': { get: { operationId: 'searchJobs', 'x-roles': ['officer'] } },
    } } }]);
    const table = createRouteTable(operations);
    const idOf = (method: string, path: string) => {
      const found = table.lookup(method, path);
      return found.kind === 'found' ? found.operation.operationId : found.kind;
    };
    expect(idOf('GET', '/api/employers/jobs/search')).toBe('searchJobs');
    expect(idOf('GET', '/api/employers/jobs/j-1')).toBe('getJob');
    expect(idOf('HEAD', '/api/employers/jobs/j-1')).toBe('getJob');
    expect(idOf('POST', '/api/employers/jobs/j-1')).toBe('method-not-allowed');
    expect(idOf('GET', '/api/employers/jobs/..')).toBe('not-found');
    expect(idOf('GET', '/api/employers/jobs/%2E%2E')).toBe('not-found');
    expect(idOf('GET', '/api/employers/jobs/j-1/extra')).toBe('not-found');
  });
});

describe('GET /docs', () => {
  it('when fetched, then it is HTML that names no external URL and every asset it loads is served by the gateway', async () => {
    const page = await request(harness.url).get('/docs').expect(200).expect('content-type', /text\/html/);
    expect(page.text).not.toMatch(/(https?:)?\/\/[a-z0-9.-]+\.[a-z]{2,}/i);
    const assets = [...page.text.matchAll(/(?:src|href)="([^"]+)"/g)].map((m) => m[1]!);
    expect(assets.length).toBeGreaterThanOrEqual(3);
    for (const asset of assets) {
      expect(asset.startsWith('/')).toBe(true);
      const res = await request(harness.url).get(asset);
      expect([asset, res.status]).toEqual([asset, 200]);
    }
    const init = await request(harness.url).get('/docs/init.js').expect(200);
    expect(init.text).toContain("url: '/openapi.json'");
    expect(init.text).toContain('validatorUrl: null');
  });

  it('when a file of the Swagger UI package that the page does not use is asked for, then 404', async () => {
    await request(harness.url).get('/docs/assets/index.html').expect(404);
  });
});
