import { randomUUID } from 'node:crypto';
import request from 'supertest';
import { createTestIssuer, ROLES, type Role, type TestIssuer } from '@hoanhap/auth';
import { createLogger, loadOpenApi } from '@hoanhap/kit';
import { itKeepsTheGatewayContract, type ContractOperation } from '@hoanhap/testing';
import { createMatchingApp, OPENAPI_FILE } from '../src/app';
import { MatchingModel } from '../src/domain/model/matching-model';
import { DEFAULT_WEIGHTS } from '../src/domain/scoring/weights';

const document = loadOpenApi(OPENAPI_FILE);
let issuer: TestIssuer;
let app: ReturnType<typeof createMatchingApp>;
beforeAll(async () => {
  issuer = await createTestIssuer();
  // an empty model: every object is unknown, so authorised calls end in 409, never in a 5xx
  const ctx = {
    model: new MatchingModel(DEFAULT_WEIGHTS),
    instanceId: 'contract',
    now: () => new Date(),
    utcOffsetMinutes: 420,
    allowScan: false,
    maxLimit: 200,
  };
  app = createMatchingApp({
    ctx,
    keys: issuer.keySource(),
    issuer: issuer.issuer,
    audience: issuer.audience,
    logger: createLogger({ name: 'matching', level: 'silent' }),
  });
});

/** The operation, anonymously or with a token of `role`. */
const call = (op: ContractOperation, role?: string) => {
  const req = request(app).get(op.path.replace(/\{[^}]+\}/g, randomUUID()));
  return role ? req.set('Authorization', `Bearer ${tokenFor(role as Role)}`) : req;
};
const tokenFor = (role: Role) => issuer.sign({ sub: randomUUID(), role, orgId: randomUUID(), provinceCode: '40' });

describe('openapi.yaml, the contract the gateway enforces', () => {
  itKeepsTheGatewayContract({ document, roles: ROLES, call });

  it('when the baseline is asked for without MATCHING_ALLOW_SCAN, then 400 MATCHING.SCAN_DISABLED', async () => {
    const ctx = {
      model: new MatchingModel(DEFAULT_WEIGHTS),
      now: () => new Date(),
      instanceId: 'contract',
      utcOffsetMinutes: 420,
      allowScan: false,
      maxLimit: 200,
    };
    const profile = {
      returneeId: randomUUID(),
      revision: 1,
      consent: { matching: true, discoverable: true, shareWithEmployers: false },
      matching: { provinceCode: '40', communeCode: '16681', skills: [], certificates: [], needs: [], ageYears: 30 },
    };
    ctx.model.returnees.applyProfile(profile);
    const local = createMatchingApp({
      ctx,
      keys: issuer.keySource(),
      issuer: issuer.issuer,
      audience: issuer.audience,
      logger: createLogger({ name: 'matching', level: 'silent' }),
    });
    const res = await request(local)
      .get(`/returnees/${profile.returneeId}/jobs?strategy=scan`)
      .set('Authorization', `Bearer ${tokenFor('admin')}`)
      .expect(400);
    expect(res.body.code).toBe('MATCHING.SCAN_DISABLED');
  });

  it('when limit is above the maximum or the query names an unknown parameter, then it is clamped, or refused with 400', async () => {
    await request(app)
      .get(`/returnees/${randomUUID()}/jobs?limit=5000`)
      .set('Authorization', `Bearer ${tokenFor('admin')}`)
      .expect(409);
    const bad = await request(app)
      .get(`/returnees/${randomUUID()}/jobs?sort=score`)
      .set('Authorization', `Bearer ${tokenFor('admin')}`)
      .expect(400);
    expect(bad.body.code).toBe('REQUEST.VALIDATION_FAILED');
  });
});
