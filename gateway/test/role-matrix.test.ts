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

// The operations a fixture answers for: everything but the gateway's own.
async function proxiedOperations() {
  const { body: document } = await request(harness.url).get('/openapi.json').expect(200);
  const operations: Array<{ method: string; path: string; template: string; roles: string[]; operationId: string }> = [];
  for (const [template, item] of Object.entries(document.paths as Record<string, Record<string, Record<string, unknown>>>)) {
    for (const [method, operation] of Object.entries(item)) {
      if (typeof operation !== 'object' || !operation || !('x-roles' in operation) || operation['x-service'] === 'gateway') continue;
      const path = template.replace(/\{[^}]+\}/g, 'p-1');
      operations.push({ method, path, template, roles: operation['x-roles'] as string[], operationId: operation.operationId as string });
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
  it('when every role calls every proxied operation, then exactly the roles its x-roles lists reach the service and the others get 403', async () => {
    const operations = await proxiedOperations();
    expect(operations.length).toBeGreaterThanOrEqual(10);
    const outcomes: string[] = [];
    const expected: string[] = [];
    for (const op of operations) {
      for (const role of ROLES) {
        const before = harness.fixture.hits;
        const res = await send(op.method, op.path, harness.tokenFor(role));
        const reached = harness.fixture.hits > before;
        const allowed = op.roles.includes('public') || op.roles.includes(role);
        outcomes.push(`${op.method.toUpperCase()} ${op.template} as ${role}: ${res.status} ${reached ? 'reached' : 'stopped'}`);
        // /slow answers late but still reaches the fixture; only the status and the reach matter here
        expected.push(`${op.method.toUpperCase()} ${op.template} as ${role}: ${allowed ? (res.status < 300 ? res.status : 'allowed') : 403} ${allowed ? 'reached' : 'stopped'}`);
        if (!allowed) expect(res.headers['content-type']).toMatch(/^application\/problem\+json/);
      }
    }
    expect(outcomes).toEqual(expected);
  });

  it('when no token is sent, then public operations reach the service and every other one is 401 problem+json', async () => {
    for (const op of await proxiedOperations()) {
      const before = harness.fixture.hits;
      const res = await send(op.method, op.path);
      if (op.roles.includes('public')) {
        expect([op.operationId, res.status < 300, harness.fixture.hits > before]).toEqual([op.operationId, true, true]);
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
