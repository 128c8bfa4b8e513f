import { randomUUID } from 'node:crypto';
import request from 'supertest';
import { ROLES, type Role } from '@hoanhap/auth';
import { loadOpenApi } from '@hoanhap/kit';
import { contractOperations, itKeepsTheGatewayContract } from '@hoanhap/testing';
import { OPENAPI_FILE } from '../src/app';
import { CALLERS, startCases, type Caller, type Harness } from './support/cases-harness';

let h: Harness;
let fileId: string;
beforeAll(async () => {
  h = await startCases();
  fileId = (await h.register()).body.id;
});
afterAll(() => h.close());

const document = loadOpenApi(OPENAPI_FILE);
const operations = contractOperations(document);

/** A body and query each operation accepts, so that the role check is what answers. */
const VALID: Record<string, { body?: unknown; query?: Record<string, string>; type?: string }> = {
  registerReturnee: {
    body: {
      fullName: 'Lê Thị Hoa',
      dateOfBirth: '1992-01-01',
      gender: 'female',
      address: { provinceCode: '40', communeCode: '16681' },
      releaseDate: '2025-01-01',
      releaseKind: 'completed',
      sentence: { kind: 'fine' },
      offenceCategory: 'theft',
    },
  },
  importReturnees: { body: Buffer.from('not a workbook'), type: 'application/octet-stream' },
  updateReturnee: { body: { phone: '0912000000' } },
  deleteReturnee: { query: { reason: 'registered twice' } },
  recordConsent: {
    body: {
      matching: false,
      shareWithEmployers: false,
      shareWithColleges: false,
      shareWithBank: false,
      discoverable: false,
      version: '2026-01',
      method: 'paper-form',
    },
  },
  recordMilestone: { body: { kind: 'id-card', on: '2025-10-01' } },
  gradeReturnee: { body: { grade: 'B' } },
  addNote: { body: { text: 'gặp tại nhà' } },
  recordReception: { body: { meetingOn: '2025-09-05' } },
  recordInformationSheet: { body: { completedOn: '2025-09-06' } },
  requestTransfer: { body: { provinceCode: '01', communeCode: '00004' } },
  createReferral: { body: { returneeId: randomUUID(), target: { kind: 'job', id: 'job-1' } } },
  getStatistics: { query: { provinceCode: '40' } },
  declineInvitation: { body: { reason: 'other' } },
};

/** `req` with the query and body its operation accepts. */
function withValid(req: request.Test, operationId: string) {
  const valid = VALID[operationId] ?? {};
  if (valid.query) req = req.query(valid.query);
  if (valid.body !== undefined) req = req.set('content-type', valid.type ?? 'application/json').send(valid.body as object);
  return req;
}

function call(caller: Caller, method: string, path: string, operationId: string) {
  return withValid(h.as(caller)[method as 'get'](path.replace(/\{id\}/g, fileId)), operationId);
}

describe('openapi.yaml, the contract the gateway enforces', () => {
  // every role from a province-40 organisation, on files that do not exist: the role check is what answers
  itKeepsTheGatewayContract({
    document,
    roles: ROLES,
    call: (op, role) => {
      const req = request(h.cases.app)[op.method as 'get'](op.path.replace(/\{[^}]+\}/g, () => randomUUID()));
      if (role) req.set('authorization', `Bearer ${h.issuer.forRole(role as Role)}`);
      return withValid(req, op.operationId!);
    },
  });
});

describe('OpenAPI document', () => {
  // each operation's operationId and x-roles are checked by the contract table above
  it('when read, then it lists every operation of the service (more than 20)', () => {
    expect(operations.length).toBeGreaterThan(20);
  });
});

describe('roles (x-roles) against the running app', () => {
  const others: Caller[] = ['employer', 'college', 'bank', 'returnee'];
  it.each(operations.map((o) => [o.operationId!, o.method.toUpperCase(), o.path, o['x-roles']!] as const))(
    'when an employer, college, bank or returnee calls %s (%s %s), then 403 problem+json',
    async (operationId, method, path, roles) => {
      for (const caller of others) {
        expect(roles).not.toContain(CALLERS[caller].role);
        const res = await call(caller, method.toLowerCase(), path, operationId);
        expect([res.status, res.body.code]).toEqual([403, 'AUTH.FORBIDDEN_ROLE']);
        expect(res.headers['content-type']).toMatch(/^application\/problem\+json/);
      }
    },
  );

  it('when an admin calls an officer-only operation (create a referral), then 403', async () => {
    const res = await call('admin', 'post', '/referrals', 'createReferral');
    expect([res.status, res.body.code]).toEqual([403, 'AUTH.FORBIDDEN_ROLE']);
  });

  it('when there is no token, then 401; with a forged one, 401', async () => {
    expect((await request(h.cases.app).get(`/returnees/${fileId}`)).status).toBe(401);
    const forged = h.issuer.forged(CALLERS.officer40);
    expect((await request(h.cases.app).get(`/returnees/${fileId}`).set('authorization', `Bearer ${forged}`)).status).toBe(401);
  });

  it('when an officer token carries no province, then 403 AUTH.NO_PROVINCE', async () => {
    const token = h.issuer.sign({ sub: 'officer-x', role: 'officer', orgId: 'org-x' });
    const res = await request(h.cases.app).get(`/returnees/${fileId}`).set('authorization', `Bearer ${token}`);
    expect([res.status, res.body.code]).toEqual([403, 'AUTH.NO_PROVINCE']);
  });
});

describe('province isolation (object-level authorisation)', () => {
  it('when an officer of another province reads, changes or refers the file, then 404 as if it did not exist', async () => {
    const officer01 = h.as('officer01');
    expect((await officer01.get(`/returnees/${fileId}`)).status).toBe(404);
    expect((await officer01.patch(`/returnees/${fileId}`).send({ phone: '0900000000' })).status).toBe(404);
    expect((await officer01.post(`/returnees/${fileId}/grades`).send({ grade: 'D' })).status).toBe(404);
    expect((await officer01.put(`/returnees/${fileId}/consent`).send(VALID.recordConsent!.body as object)).status).toBe(404);
    expect((await officer01.post('/referrals').send({ returneeId: fileId, target: { kind: 'job', id: 'j' } })).status).toBe(404);
    const missing = await officer01.get(`/returnees/${randomUUID()}`);
    expect(missing.body.detail).toMatch(/^no returnee file/);
  });

  it('when an officer of another province searches, then none of this province’s files show', async () => {
    expect((await h.as('officer01').get('/returnees').query({ q: 'Nguyen' })).body.items).toEqual([]);
    expect((await h.as('officer01').get('/returnees').query({ provinceCode: '40' })).body.items).toEqual([]);
  });

  it('when an officer registers a file in another province, then 403 naming address.provinceCode', async () => {
    const res = await h.register({ address: { provinceCode: '01', communeCode: '00004' } });
    expect(res.status).toBe(403);
    expect(res.body.errors[0].field).toBe('address.provinceCode');
  });

  it('when an officer asks for another province’s statistics, then 403; grades and offences are for officers only, so admin gets 403 too', async () => {
    expect((await h.as('officer01').get('/statistics').query({ provinceCode: '40' })).status).toBe(403);
    expect((await h.as('officer40').get('/statistics').query({ provinceCode: '40' })).status).toBe(200);
    expect((await h.as('admin').get('/statistics').query({ provinceCode: '40' })).status).toBe(403);
  });

  it('when an admin reads any province’s file, then 200', async () => {
    expect((await h.as('admin').get(`/returnees/${fileId}`)).status).toBe(200);
  });
});
