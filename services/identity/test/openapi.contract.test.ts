import { randomUUID } from 'node:crypto';
import request from 'supertest';
import { ROLES, type Role } from '@hoanhap/auth';
import { loadOpenApi } from '@hoanhap/kit';
import { OPENAPI_FILE } from '../src/app';
import { type Harness, startIdentity } from './support/identity-harness';

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
  login: () => ({ email: 'officer@demo.vn', password: 'wrong-password' }),
  refreshSession: () => ({ refreshToken: 'rt_unknown' }),
  logout: () => ({ refreshToken: 'rt_unknown' }),
  markNoticesRead: () => ({ marks: ['referral:r-1@2026-12-06T16:49:00.000Z'] }),
  changePassword: () => ({ currentPassword: 'wrong-password', newPassword: 'long-enough-password' }),
  createOrganisation: () => ({ kind: 'college', name: 'Trường Nghề Kiểm Thử', provinceCode: '40' }),
  createUser: () => ({ email: `${randomUUID()}@test.vn`, name: 'Kiểm Thử', role: 'admin', orgId: randomUUID(), password: 'long-enough-password' }),
};

function call(op: Operation, token?: string) {
  const path = op.path.replace(/\{[^}]+\}/g, randomUUID());
  const req = request(h.app)[op.method as 'get' | 'post'](path);
  if (token) req.set('Authorization', `Bearer ${token}`);
  return bodies[op.operationId!] ? req.send(bodies[op.operationId!]!()) : req;
}
const tokenFor = (role: Role) => h.ctx.signAccessToken({ sub: randomUUID(), role, orgId: randomUUID(), provinceCode: '40' });

beforeAll(async () => {
  h = await startIdentity({ seed: false });
});
afterAll(() => h.close());

describe('openapi.yaml, the contract the gateway enforces', () => {
  it.each(operations.map((op) => [`${op.method.toUpperCase()} ${op.path}`, op] as const))(
    'when %s is read, then it has an operationId, x-roles, and its 4xx answers are problem+json',
    (_name, op) => {
      expect(op.operationId).toMatch(/^[a-z][A-Za-z]+$/);
      const roles = op['x-roles'];
      expect(Array.isArray(roles) && roles.length > 0).toBe(true);
      if (roles!.includes('public')) expect(roles).toEqual(['public']);
      else for (const role of roles!) expect(ROLES).toContain(role);
      for (const [status, response] of Object.entries(op.responses)) {
        if (!/^4/.test(status)) continue;
        const content = response.$ref ? (document.components!.responses![response.$ref.split('/').pop()!] as { content?: object }).content : response.content;
        expect(Object.keys(content ?? {})).toEqual(['application/problem+json']);
      }
    },
  );

  it.each(operations.map((op) => [`${op.method.toUpperCase()} ${op.path}`, op] as const))(
    'when %s is called by each role and by nobody, then exactly its x-roles get past authorisation',
    async (_name, op) => {
      const roles = op['x-roles']!;
      const anonymous = await call(op);
      if (roles.includes('public')) {
        expect(anonymous.status).not.toBe(403);
        expect(anonymous.body.code ?? '').not.toMatch(/^AUTH\.TOKEN/);
        return;
      }
      expect(anonymous.status).toBe(401);
      for (const role of ROLES) {
        const res = await call(op, tokenFor(role));
        if (roles.includes(role)) expect(res.body.code ?? '').not.toMatch(/^AUTH\.(TOKEN|FORBIDDEN)/);
        else expect([res.status, res.body.code]).toEqual([403, 'AUTH.FORBIDDEN_ROLE']);
      }
    },
  );
});
