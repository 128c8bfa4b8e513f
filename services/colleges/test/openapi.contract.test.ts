import { randomUUID } from 'node:crypto';
import { ROLES, type Role } from '@hoanhap/auth';
import { loadOpenApi } from '@hoanhap/kit';
import { OPENAPI_FILE } from '../src/app';
import { type Harness, SECTION6_COURSE, startHarness } from './support/colleges-harness';

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

// A valid body per operation, so each call reaches authorisation instead of stopping at validation.
const bodies: Record<string, () => object> = {
  saveCollegeProfile: () => ({ name: 'Trường Cao đẳng Kỹ thuật Việt – Đức Nghệ An', licenceNumber: '12/2017/GCNĐKHĐ-TCGDNN', provinceCode: '40', communeCode: '16681' }),
  createCourse: () => SECTION6_COURSE,
  updateCourse: () => ({ tuitionVnd: 1_000_000 }),
  createCohort: () => ({ startsOn: '2026-09-01', seats: 10 }),
  updateCohort: () => ({ schedule: 'Thứ 2–6' }),
  addCohortRoster: () => ({ returneeIds: [randomUUID()] }),
  changeEnrolment: () => ({ status: 'dropped' }),
  recordAttendance: () => ({ date: '2026-09-02', present: true }),
};

function call(op: Operation, token?: string) {
  const path = op.path.replace(/\{[^}]+\}/g, randomUUID());
  const req = h.api()[op.method as 'get' | 'post'](path);
  if (token) req.set('Authorization', `Bearer ${token}`);
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
        const content = response.$ref ? (document.components!.responses![response.$ref.split('/').pop()!] as { content?: object }).content : response.content;
        expect(Object.keys(content ?? {})).toEqual(['application/problem+json']);
      }
    },
  );

  it.each(operations.map((op) => [`${op.method.toUpperCase()} ${op.path}`, op] as const))(
    'when %s is called by each role and by nobody, then exactly its x-roles get past authorisation, and nothing answers 5xx',
    async (_name, op) => {
      const roles = op['x-roles']!;
      expect((await call(op)).status).toBe(401);
      for (const role of ROLES) {
        const res = await call(op, h.token(role as Role, randomUUID()));
        expect(res.status).toBeLessThan(500);
        if (roles.includes(role)) expect(res.body.code ?? '').not.toMatch(/^AUTH\.(TOKEN|FORBIDDEN_ROLE)/);
        else expect([res.status, res.body.code]).toEqual([403, 'AUTH.FORBIDDEN_ROLE']);
      }
    },
  );

  it('when a list asks for more than 200 items or sends a foreign cursor, then the limit is clamped and the cursor refused naming it', async () => {
    const college = h.token('college', randomUUID());
    expect((await h.api().get('/courses?limit=100000').set('Authorization', `Bearer ${college}`)).status).toBe(200);
    const bad = await h.api().get('/catalogue?cursor=bm90LWEtY3Vyc29y').set('Authorization', `Bearer ${h.token('officer')}`);
    expect(bad.status).toBe(400);
    expect(bad.body.errors[0].field).toBe('cursor');
  });
});
