import { randomUUID } from 'node:crypto';
import { ROLES, type Role } from '@hoanhap/auth';
import { loadOpenApi } from '@hoanhap/kit';
import { itKeepsTheGatewayContract, type ContractOperation } from '@hoanhap/testing';
import { OPENAPI_FILE } from '../src/app';
import { SECTION6_JOB } from './support/fixtures';
import { type Harness, startHarness } from './support/employers-harness';

let h: Harness;
const document = loadOpenApi(OPENAPI_FILE);
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

/** The operation, anonymously or with a token of `role` (of an organisation of its own). */
function call(op: ContractOperation, role?: string) {
  const path = op.path.replace(/\{[^}]+\}/g, randomUUID());
  const req = h.api()[op.method as 'get' | 'post'](path);
  if (role) req.set('Authorization', h.bearer(role as Role, `org-${randomUUID()}`));
  return bodies[op.operationId!] ? req.send(bodies[op.operationId!]!()) : req;
}

beforeAll(async () => {
  h = await startHarness();
});
afterAll(() => h.close());

describe('openapi.yaml, the contract the gateway enforces', () => {
  itKeepsTheGatewayContract({ document, roles: ROLES, call });

  it('when a token is expired, forged or signed by an unknown key, then 401', async () => {
    const claims = { sub: randomUUID(), role: 'employer' as const, orgId: 'org-x' };
    for (const token of [h.issuer.expired(claims), h.issuer.forged(claims), h.issuer.wrongKid(claims)]) {
      const res = await h.api().get('/jobs').set('Authorization', `Bearer ${token}`);
      expect(res.status).toBe(401);
    }
  });
});
