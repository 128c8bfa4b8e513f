import { randomUUID } from 'node:crypto';
import request from 'supertest';
import { ROLES, type Role } from '@hoanhap/auth';
import { loadOpenApi } from '@hoanhap/kit';
import { itKeepsTheGatewayContract, type ContractOperation } from '@hoanhap/testing';
import { OPENAPI_FILE } from '../src/app';
import { type Harness, startIdentity } from './support/identity-harness';

let h: Harness;
const document = loadOpenApi(OPENAPI_FILE);
// A valid body per operation, so the check reaches authorisation instead of stopping at validation.
const bodies: Record<string, () => object> = {
  login: () => ({ email: 'officer@demo.vn', password: 'wrong-password' }),
  refreshSession: () => ({ refreshToken: 'rt_unknown' }),
  logout: () => ({ refreshToken: 'rt_unknown' }),
  markNoticesRead: () => ({ marks: ['referral:r-1@2026-12-06T16:49:00.000Z'] }),
  changePassword: () => ({ currentPassword: 'wrong-password', newPassword: 'long-enough-password' }),
  createOrganisation: () => ({ kind: 'college', name: 'Trường Nghề Kiểm Thử', provinceCode: '40' }),
  createUser: () => ({
    email: `${randomUUID()}@test.vn`,
    name: 'Kiểm Thử',
    role: 'admin',
    orgId: randomUUID(),
    password: 'long-enough-password',
  }),
};

/** The operation, anonymously or with a token of `role`. */
function call(op: ContractOperation, role?: string) {
  const path = op.path.replace(/\{[^}]+\}/g, randomUUID());
  const req = request(h.app)[op.method as 'get' | 'post'](path);
  if (role) req.set('Authorization', `Bearer ${tokenFor(role as Role)}`);
  return bodies[op.operationId!] ? req.send(bodies[op.operationId!]!()) : req;
}
const tokenFor = (role: Role) => h.ctx.signAccessToken({ sub: randomUUID(), role, orgId: randomUUID(), provinceCode: '40' });

beforeAll(async () => {
  h = await startIdentity({ seed: false });
});
afterAll(() => h.close());

describe('openapi.yaml, the contract the gateway enforces', () => {
  itKeepsTheGatewayContract({ document, roles: ROLES, call });
});
