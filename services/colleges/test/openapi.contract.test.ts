import { randomUUID } from 'node:crypto';
import { ROLES, type Role } from '@hoanhap/auth';
import { loadOpenApi } from '@hoanhap/kit';
import { itKeepsTheGatewayContract, type ContractOperation } from '@hoanhap/testing';
import { OPENAPI_FILE } from '../src/app';
import { type Harness, SECTION6_COURSE, startHarness } from './support/colleges-harness';

let h: Harness;
const document = loadOpenApi(OPENAPI_FILE);
// A valid body per operation, so each call reaches authorisation instead of stopping at validation.
const bodies: Record<string, () => object> = {
  saveCollegeProfile: () => ({
    name: 'Trường Cao đẳng Kỹ thuật Việt – Đức Nghệ An',
    licenceNumber: '12/2017/GCNĐKHĐ-TCGDNN',
    provinceCode: '40',
    communeCode: '16681',
  }),
  createCourse: () => SECTION6_COURSE,
  updateCourse: () => ({ tuitionVnd: 1_000_000 }),
  createCohort: () => ({ startsOn: '2026-09-01', seats: 10 }),
  updateCohort: () => ({ schedule: 'Thứ 2–6' }),
  addCohortRoster: () => ({ returneeIds: [randomUUID()] }),
  changeEnrolment: () => ({ status: 'dropped' }),
  recordAttendance: () => ({ date: '2026-09-02', present: true }),
};

/** The operation, anonymously or with a token of `role` (of an organisation of its own). */
function call(op: ContractOperation, role?: string) {
  const path = op.path.replace(/\{[^}]+\}/g, randomUUID());
  const req = h.api()[op.method as 'get' | 'post'](path);
  if (role) req.set('Authorization', `Bearer ${h.token(role as Role, randomUUID())}`);
  return bodies[op.operationId!] ? req.send(bodies[op.operationId!]!()) : req;
}

beforeAll(async () => {
  h = await startHarness();
});
afterAll(() => h.close());

describe('openapi.yaml, the contract the gateway enforces', () => {
  itKeepsTheGatewayContract({ document, roles: ROLES, call });

  it('when a list asks for more than 200 items or sends a foreign cursor, then the limit is clamped and the cursor refused naming it', async () => {
    const college = h.token('college', randomUUID());
    expect((await h.api().get('/courses?limit=100000').set('Authorization', `Bearer ${college}`)).status).toBe(200);
    const bad = await h
      .api()
      .get('/catalogue?cursor=bm90LWEtY3Vyc29y')
      .set('Authorization', `Bearer ${h.token('officer')}`);
    expect(bad.status).toBe(400);
    expect(bad.body.errors[0].field).toBe('cursor');
  });
});
