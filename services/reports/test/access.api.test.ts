import request from 'supertest';
import { ROLES, type Role } from '@hoanhap/auth';
import { loadOpenApi } from '@hoanhap/kit';
import { itKeepsTheGatewayContract } from '@hoanhap/testing';
import { OPENAPI_FILE } from '../src/app';
import { startReports, type Harness } from './support/reports-harness';

let h: Harness;

beforeAll(async () => {
  h = await startReports();
});
afterAll(() => h?.close());

const fieldsOf = (body: { errors?: { field: string }[] }) => (body.errors ?? []).map((e) => e.field);

describe('openapi.yaml, the contract the gateway enforces', () => {
  // every role from a province-40 organisation (an export needs its format to get past validation)
  itKeepsTheGatewayContract({
    document: loadOpenApi(OPENAPI_FILE),
    roles: ROLES,
    call: (op, role) => {
      const req = request(h.reports.app).get(op.operationId === 'exportReport' ? `${op.path}?format=csv` : op.path);
      return role ? req.set('authorization', `Bearer ${h.issuer.forRole(role as Role)}`) : req;
    },
  });
});

describe('who may read which figures', () => {
  it("when an officer asks for another province's summary or export, then 403 problem+json", async () => {
    const res = await h.get('officer01', '/summary?provinceCode=40').expect(403);
    expect(res.headers['content-type']).toMatch(/^application\/problem\+json/);
    expect(res.body.code).toBe('REPORTS.FORBIDDEN_PROVINCE');
    await h.get('officer01', '/export?format=csv&provinceCode=40').expect(403);
  });

  it('when an officer leaves the province out, then their own province is answered', async () => {
    const res = await h.get('officer40', '/summary').expect(200);
    expect(res.body.provinceCode).toBe('40');
    expect(res.body.total.returnees).toBe(0);
  });

  it('when an employer asks, or nobody signs in, then 403 and 401', async () => {
    expect((await h.get('employer', '/summary?provinceCode=40').expect(403)).body.code).toBe('AUTH.FORBIDDEN_ROLE');
    await request(h.reports.app).get('/summary?provinceCode=40').expect(401);
  });
});

describe('bad queries', () => {
  it('when from is after to, then 400 problem+json naming from', async () => {
    const res = await h.get('officer40', '/summary?from=2026-05-01&to=2026-04-30').expect(400);
    expect(res.headers['content-type']).toMatch(/^application\/problem\+json/);
    expect(fieldsOf(res.body)).toEqual(['from']);
  });

  it('when the province is unknown, or the commune is not in it, then 400 naming the field', async () => {
    expect(fieldsOf((await h.get('admin', '/summary?provinceCode=99').expect(400)).body)).toEqual(['provinceCode']);
    expect(fieldsOf((await h.get('admin', '/summary?provinceCode=01&communeCode=16681').expect(400)).body)).toEqual(['communeCode']);
  });

  it('when a date or the export format is malformed, then 400 naming the field', async () => {
    expect(fieldsOf((await h.get('admin', '/summary?from=2026-13').expect(400)).body).join()).toMatch(/from/);
    expect(fieldsOf((await h.get('admin', '/export?format=pdf&provinceCode=40').expect(400)).body).join()).toMatch(/format/);
  });

  it('when an admin exports without a province, then 400 naming provinceCode (the table is per province)', async () => {
    expect(fieldsOf((await h.get('admin', '/export?format=csv').expect(400)).body)).toEqual(['provinceCode']);
  });
});
