import { randomUUID } from 'node:crypto';
import request from 'supertest';
import { createTestIssuer, ROLES, type Role, type TestIssuer } from '@hoanhap/auth';
import { createLogger, loadOpenApi } from '@hoanhap/kit';
import { createMatchingApp, OPENAPI_FILE } from '../src/app';
import { MatchingModel } from '../src/domain/model/matching-model';
import { DEFAULT_WEIGHTS } from '../src/domain/scoring/weights';

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

let issuer: TestIssuer;
let app: ReturnType<typeof createMatchingApp>;
beforeAll(async () => {
  issuer = await createTestIssuer();
  // an empty model: every object is unknown, so authorised calls end in 409, never in a 5xx
  const ctx = { model: new MatchingModel(DEFAULT_WEIGHTS), now: () => new Date(), utcOffsetMinutes: 420, allowScan: false, maxLimit: 200 };
  app = createMatchingApp({ ctx, keys: issuer.keySource(), issuer: issuer.issuer, audience: issuer.audience, logger: createLogger({ name: 'matching', level: 'silent' }) });
});

const call = (op: Operation, token?: string) => {
  const req = request(app).get(op.path.replace(/\{[^}]+\}/g, randomUUID()));
  return token ? req.set('Authorization', `Bearer ${token}`) : req;
};
const tokenFor = (role: Role) => issuer.sign({ sub: randomUUID(), role, orgId: randomUUID(), provinceCode: '40' });

describe('openapi.yaml, the contract the gateway enforces', () => {
  it.each(operations.map((op) => [`${op.method.toUpperCase()} ${op.path}`, op] as const))(
    'when %s is read, then it has an operationId, x-roles, and its 4xx answers are problem+json',
    (_name, op) => {
      expect(op.operationId).toMatch(/^[a-z][A-Za-z]+$/);
      const roles = op['x-roles']!;
      expect(roles.length).toBeGreaterThan(0);
      for (const role of roles) expect(ROLES).toContain(role);
      for (const [status, response] of Object.entries(op.responses)) {
        if (!/^4/.test(status)) continue;
        const content = response.$ref ? (document.components!.responses![response.$ref.split('/').pop()!] as { content?: object }).content : response.content;
        expect(Object.keys(content ?? {})).toEqual(['application/problem+json']);
      }
    },
  );

  it.each(operations.map((op) => [`${op.method.toUpperCase()} ${op.path}`, op] as const))(
    'when %s is called by each role and by nobody, then exactly its x-roles get past authorisation, and never a 5xx',
    async (_name, op) => {
      expect((await call(op)).status).toBe(401);
      for (const role of ROLES) {
        const res = await call(op, tokenFor(role));
        expect(res.status).toBeLessThan(500);
        if (op['x-roles']!.includes(role)) expect(res.body.code ?? '').not.toMatch(/^AUTH\./);
        else expect([res.status, res.body.code]).toEqual([403, 'AUTH.FORBIDDEN_ROLE']);
      }
    },
  );

  it('when the baseline is asked for without MATCHING_ALLOW_SCAN, then 400 MATCHING.SCAN_DISABLED', async () => {
    const ctx = { model: new MatchingModel(DEFAULT_WEIGHTS), now: () => new Date(), utcOffsetMinutes: 420, allowScan: false, maxLimit: 200 };
    const profile = { returneeId: randomUUID(), revision: 1, consent: { matching: true, discoverable: true, shareWithEmployers: false }, matching: { provinceCode: '40', communeCode: '16681', skills: [], certificates: [], needs: [], ageYears: 30 } };
    ctx.model.returnees.applyProfile(profile);
    const local = createMatchingApp({ ctx, keys: issuer.keySource(), issuer: issuer.issuer, audience: issuer.audience, logger: createLogger({ name: 'matching', level: 'silent' }) });
    const res = await request(local).get(`/returnees/${profile.returneeId}/jobs?strategy=scan`).set('Authorization', `Bearer ${tokenFor('admin')}`).expect(400);
    expect(res.body.code).toBe('MATCHING.SCAN_DISABLED');
  });

  it('when limit is above the maximum or the query names an unknown parameter, then it is clamped, or refused with 400', async () => {
    await request(app).get(`/returnees/${randomUUID()}/jobs?limit=5000`).set('Authorization', `Bearer ${tokenFor('admin')}`).expect(409);
    const bad = await request(app).get(`/returnees/${randomUUID()}/jobs?sort=score`).set('Authorization', `Bearer ${tokenFor('admin')}`).expect(400);
    expect(bad.body.code).toBe('REQUEST.VALIDATION_FAILED');
  });
});
