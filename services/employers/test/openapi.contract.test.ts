import { randomUUID } from 'node:crypto';
import { ROLES, type Role } from '@hoanhap/auth';
import { loadOpenApi } from '@hoanhap/kit';
import { OPENAPI_FILE } from '../src/app';
import { SECTION6_JOB } from './support/fixtures';
import { type Harness, startHarness } from './support/employers-harness';

let h: Harness;
const document = loadOpenApi(OPENAPI_FILE);
const METHODS = ['get', 'post', 'put', 'patch', 'delete'];

interface Operation {
  method: string;
  path: string;
  operationId?: string;
  'x-roles'?: string[];
  responses: Record<string, { $ref?: string; content?: Record<string, unknown> }>;
}
const operations: Operation[] = Object.entries(document.paths ?? {}).flatMap(([path, item]) =>
  METHODS.filter((m) => item[m]).map((method) => ({ method, path, ...(item[method] as Omit<Operation, 'method' | 'path'>) })),
);

// A valid body per operation, so the check reaches authorisation instead of stopping at validation.
const bodies: Record<string, () => object> = {
  saveMyOrganisation: () => ({ name: 'Công ty Kiểm Thử', provinceCode: '40' }),
  acceptPledge: () => ({ acceptedByName: 'Kiểm Thử' }),
  verifyOrganisation: () => ({ decision: 'verified' }),
  postJob: () => SECTION6_JOB,
  updateJob: () => ({ title: 'Đổi tên' }),
  changeApplicationStatus: () => ({ status: 'offered' }),
  recordCheckIn: () => ({ monthsAfterHire: 3, stillEmployed: true }),
  requestInvitation: () => ({ jobId: randomUUID(), returneeId: randomUUID() }),
};

function call(op: Operation, token?: string) {
  const path = op.path.replace(/\{[^}]+\}/g, randomUUID());
  const req = h.api()[op.method as 'get' | 'post'](path);
  if (token) req.set('Authorization', token);
  return bodies[op.operationId!] ? req.send(bodies[op.operationId!]!()) : req;
}

beforeAll(async () => {
  h = await startHarness();
});
afterAll(() => h.close());

describe('openapi.yaml, the contract the gateway enforces', () => {
  it.each(operations.map((op) => [`${op.method.toUpperCase()} ${op.path}`, op] as const))(
    'when %s is read, then it has an operationId, x-roles, and its 4xx answers are problem+json',
    (_name, op) => {
      expect(op.operationId).toMatch(/^[a-z][A-Za-z]+$/);
      const roles = op['x-roles'];
      expect(Array.isArray(roles) && roles.length > 0).toBe(true);
      for (const role of roles!) expect(ROLES).toContain(role);
      for (const [status, response] of Object.entries(op.responses)) {
        if (!/^4/.test(status)) continue;
        const content = response.$ref
          ? (document.components!.responses![response.$ref.split('/').pop()!] as { content?: object }).content
          : response.content;
        expect(Object.keys(content ?? {})).toEqual(['application/problem+json']);
      }
    },
  );

  it.each(operations.map((op) => [`${op.method.toUpperCase()} ${op.path}`, op] as const))(
    'when %s is called by each role and by nobody, then exactly its x-roles get past authorisation',
    async (_name, op) => {
      const roles = op['x-roles']!;
      expect((await call(op)).status).toBe(401);
      for (const role of ROLES) {
        const res = await call(op, h.bearer(role as Role, `org-${randomUUID()}`));
        if (roles.includes(role)) expect(res.body.code ?? '').not.toMatch(/^AUTH\.(TOKEN|FORBIDDEN)/);
        else expect([res.status, res.body.code]).toEqual([403, 'AUTH.FORBIDDEN_ROLE']);
        expect(res.status).toBeLessThan(500);
      }
    },
  );

  it('when a token is expired, forged or signed by an unknown key, then 401', async () => {
    const claims = { sub: randomUUID(), role: 'employer' as const, orgId: 'org-x' };
    for (const token of [h.issuer.expired(claims), h.issuer.forged(claims), h.issuer.wrongKid(claims)]) {
      const res = await h.api().get('/jobs').set('Authorization', `Bearer ${token}`);
      expect(res.status).toBe(401);
    }
  });
});
