import request from 'supertest';
import { ROLES } from '@hoanhap/auth';
import { type Harness, startHarness } from './fixtures/gateway-harness';

// The matrix is generated from the merged document the gateway serves, so a new operation in any
// service's openapi.yaml is tested for every role without anyone writing a case for it.
let harness: Harness;
beforeAll(async () => {
  harness = await startHarness({ slowMs: 10 });
});
afterAll(() => harness.close());

// Every operation under /auth and /api: those of the services (answered by the fixture) and the
// gateway's own reference routes (answered by the gateway). Path parameters take their documented example.
async function routedOperations() {
  const { body: document } = await request(harness.url).get('/openapi.json').expect(200);
  const operations: Array<{ method: string; path: string; template: string; roles: string[]; operationId: string; local: boolean }> = [];
  for (const [template, item] of Object.entries(document.paths as Record<string, Record<string, Record<string, unknown>>>)) {
    if (!/^\/(api|auth)\//.test(template)) continue;
    for (const [method, operation] of Object.entries(item)) {
      if (typeof operation !== 'object' || !operation || !('x-roles' in operation)) continue;
      const params = [...((item.parameters as unknown as Array<{ name: string; example?: string }>) ?? []), ...((operation.parameters as Array<{ name: string; example?: string }>) ?? [])];
      const path = template.replace(/\{([^}]+)\}/g, (_m, name: string) => params.find((p) => p.name === name)?.example ?? 'p-1');
      operations.push({ method, path, template, roles: operation['x-roles'] as string[], operationId: operation.operationId as string, local: operation['x-service'] === 'gateway' });
    }
  }
  return operations;
}

const send = (method: string, path: string, token?: string) => {
  const req = request(harness.url)[method as 'get'](path);
  if (token) req.set('authorization', `Bearer ${token}`);
  return ['post', 'put', 'patch'].includes(method) ? req.send({ probe: true }) : req;
};

describe('role × operation matrix from the merged OpenAPI', () => {
  it('when every role calls every operation, then exactly the roles its x-roles lists are served (by the service, or the gateway for its own) and the others get 403', async () => {
    const operations = await routedOperations();
    expect(operations.filter((op) => !op.local).length).toBeGreaterThanOrEqual(10);
    expect(operations.filter((op) => op.local).length).toBeGreaterThanOrEqual(5);
    const outcomes: string[] = [];
    const expected: string[] = [];
    for (const op of operations) {
      for (const role of ROLES) {
        const before = harness.fixture.hits;
        const res = await send(op.method, op.path, harness.tokenFor(role));
        // a gateway operation is "reached" when the gateway itself answers it (and the fixture is left alone)
        const reached = op.local ? res.status < 300 && harness.fixture.hits === before : harness.fixture.hits > before;
        const allowed = op.roles.includes('public') || op.roles.includes(role);
        // what the service then answers (a 502 from /broken) is not the point here: whether the gateway let it through is
        const verdict = res.status === 403 || res.status === 401 ? res.status : 'passed';
        outcomes.push(`${op.method.toUpperCase()} ${op.template} as ${role}: ${verdict} ${reached ? 'reached' : 'stopped'}`);
        expected.push(`${op.method.toUpperCase()} ${op.template} as ${role}: ${allowed ? 'passed' : 403} ${allowed ? 'reached' : 'stopped'}`);
        if (!allowed) expect(res.headers['content-type']).toMatch(/^application\/problem\+json/);
      }
    }
    expect(outcomes).toEqual(expected);
  });

  it('when no token is sent, then public operations are served and every other one is 401 problem+json (the service never sees it)', async () => {
    for (const op of await routedOperations()) {
      const before = harness.fixture.hits;
      const res = await send(op.method, op.path);
      if (op.roles.includes('public')) {
        expect([op.operationId, res.status < 300, harness.fixture.hits > before]).toEqual([op.operationId, true, !op.local]);
      } else {
        expect([op.operationId, res.status, res.body.code, harness.fixture.hits]).toEqual([op.operationId, 401, 'AUTH.TOKEN_MISSING', before]);
      }
    }
  });

  it('when a path template has a literal sibling, then the literal operation decides (returnee may search, not get)', async () => {
    await send('get', '/api/employers/things/search', harness.tokenFor('returnee')).expect(200);
    await send('get', '/api/employers/things/t-1', harness.tokenFor('returnee')).expect(403);
  });
});
