import { Router } from 'express';
import jwt from 'jsonwebtoken';
import request from 'supertest';
import { createApp } from '@hoanhap/kit';
import { testNamespace } from '@hoanhap/testing';
import { authenticate, authOf, createTestIssuer, createVerifier, jwksKeys, type KeySource, requireOrg, requireRole, type TestIssuer } from '../src';

testNamespace(); // tokens and keys only: no server is touched, the convention is kept
const officer = { sub: 'u-officer', role: 'officer', orgId: 'org-police-40', provinceCode: '40' } as const;
const employer = { sub: 'u-employer', role: 'employer', orgId: 'org-employer-1' } as const;
let issuer: TestIssuer;

function appWith(keys: KeySource) {
  const verify = createVerifier({ issuer: issuer.issuer, audience: issuer.audience, keys });
  const router = Router();
  router.use(authenticate(verify));
  router.get('/me', (req, res) => {
    res.json(authOf(req));
  });
  router.get('/cases', requireRole('officer', 'admin'), (_req, res) => {
    res.json({ items: [] });
  });
  router.get('/orgs/:orgId/jobs', requireOrg((req) => req.params.orgId as string, { bypass: ['admin'] }), (_req, res) => {
    res.json({ items: [] });
  });
  return createApp({ name: 'auth-test', routes: router });
}
const get = (app: ReturnType<typeof appWith>, path: string, token?: string) => {
  const req = request(app).get(path);
  return token === undefined ? req : req.set('authorization', `Bearer ${token}`);
};
function expectProblem(res: request.Response, status: number, code: string) {
  expect(res.status).toBe(status);
  expect(res.headers['content-type']).toMatch(/^application\/problem\+json/);
  expect(res.body.code).toBe(code);
}

beforeAll(async () => {
  issuer = await createTestIssuer();
});

describe('authenticate (RS256, kid, iss/aud/exp)', () => {
  it('when the token is valid, then 200 and the handler sees the typed claims', async () => {
    const res = await get(appWith(issuer.keySource()), '/me', issuer.sign(officer));
    expect(res.status).toBe(200);
    expect(res.body).toMatchObject({ ...officer, iss: issuer.issuer, aud: issuer.audience, exp: expect.any(Number) });
  });

  it('when there is no token, then 401 problem+json with WWW-Authenticate', async () => {
    const res = await get(appWith(issuer.keySource()), '/me');
    expectProblem(res, 401, 'AUTH.TOKEN_MISSING');
    expect(res.headers['www-authenticate']).toMatch(/^Bearer/);
  });

  it('when the token has expired, then 401 AUTH.TOKEN_EXPIRED', async () => {
    expectProblem(await get(appWith(issuer.keySource()), '/me', issuer.expired(officer)), 401, 'AUTH.TOKEN_EXPIRED');
  });

  it('when the signature is forged with another key under a published kid, then 401', async () => {
    expectProblem(await get(appWith(issuer.keySource()), '/me', issuer.forged(officer)), 401, 'AUTH.TOKEN_INVALID');
  });

  it('when the kid is not published, then 401 AUTH.KEY_UNKNOWN', async () => {
    expectProblem(await get(appWith(issuer.keySource()), '/me', issuer.wrongKid(officer)), 401, 'AUTH.KEY_UNKNOWN');
  });

  it('when the claims were tampered with after signing, then 401', async () => {
    expectProblem(await get(appWith(issuer.keySource()), '/me', issuer.tampered(employer, { role: 'admin' })), 401, 'AUTH.TOKEN_INVALID');
  });

  it('when the issuer or the audience is wrong, then 401', async () => {
    const app = appWith(issuer.keySource());
    expectProblem(await get(app, '/me', issuer.signFor(officer, { issuer: 'https://evil.test' })), 401, 'AUTH.TOKEN_INVALID');
    expectProblem(await get(app, '/me', issuer.signFor(officer, { audience: 'another-api' })), 401, 'AUTH.TOKEN_INVALID');
  });

  it('when the algorithm is none or HS256 keyed with the public key, then 401 (allow-list)', async () => {
    const app = appWith(issuer.keySource());
    const claims = { ...officer, iss: issuer.issuer, aud: issuer.audience, exp: Math.floor(Date.now() / 1000) + 600 };
    const none = jwt.sign(claims, '', { algorithm: 'none', keyid: issuer.currentKid });
    const publicPem = (await issuer.keySource()(issuer.currentKid)).export({ format: 'pem', type: 'spki' }) as string;
    const confused = jwt.sign(claims, Buffer.from(publicPem), { algorithm: 'HS256', keyid: issuer.currentKid });
    expectProblem(await get(app, '/me', none), 401, 'AUTH.TOKEN_INVALID');
    expectProblem(await get(app, '/me', confused), 401, 'AUTH.TOKEN_INVALID');
  });

  it('when a claim has the wrong shape (unknown role), then 401', async () => {
    const token = issuer.sign({ ...officer, role: 'superuser' as never });
    expectProblem(await get(appWith(issuer.keySource()), '/me', token), 401, 'AUTH.TOKEN_INVALID');
  });
});

describe('requireRole and requireOrg', () => {
  it('when the role is not allowed, then 403 problem+json', async () => {
    expectProblem(await get(appWith(issuer.keySource()), '/cases', issuer.sign(employer)), 403, 'AUTH.FORBIDDEN_ROLE');
    expect((await get(appWith(issuer.keySource()), '/cases', issuer.sign(officer))).status).toBe(200);
  });

  it("when a caller reaches another organisation's resource, then 403; its own or as admin, 200", async () => {
    const app = appWith(issuer.keySource());
    expectProblem(await get(app, '/orgs/org-employer-2/jobs', issuer.sign(employer)), 403, 'AUTH.FORBIDDEN_ORG');
    expect((await get(app, '/orgs/org-employer-1/jobs', issuer.sign(employer))).status).toBe(200);
    expect((await get(app, '/orgs/org-employer-2/jobs', issuer.sign({ sub: 'u-admin', role: 'admin' }))).status).toBe(200);
  });
});

describe('key rotation through a JWKS URL', () => {
  it('when a second kid is published, then tokens under both kids verify, and a retired kid stops verifying', async () => {
    const rotating = await createTestIssuer();
    const jwks = await rotating.serveJwks();
    try {
      const verify = createVerifier({ issuer: rotating.issuer, audience: rotating.audience, keys: jwksKeys(jwks.url) }); // cached: the new kid must trigger a refetch
      const before = rotating.sign(officer);
      await expect(verify(before)).resolves.toMatchObject({ sub: officer.sub });

      const oldKid = rotating.currentKid;
      const newKid = await rotating.rotate();
      const after = rotating.sign(officer);
      expect(jwt.decode(after, { complete: true })!.header.kid).toBe(newKid);
      await expect(verify(after)).resolves.toMatchObject({ sub: officer.sub });
      await expect(verify(before)).resolves.toMatchObject({ sub: officer.sub });

      rotating.retire(oldKid);
      const fresh = createVerifier({ issuer: rotating.issuer, audience: rotating.audience, keys: jwksKeys(jwks.url) });
      await expect(fresh(before)).rejects.toMatchObject({ code: 'AUTH.KEY_UNKNOWN', httpStatus: 401 });
      await expect(fresh(after)).resolves.toMatchObject({ sub: officer.sub });
    } finally {
      await jwks.close();
    }
  });

  it('when the JWKS server is unreachable, then 503 AUTH.KEYS_UNAVAILABLE, not 401 or 500', async () => {
    const down = await createTestIssuer();
    const jwks = await down.serveJwks();
    await jwks.close();
    const res = await get(appWith(jwksKeys(jwks.url, { timeoutMs: 1_000 })), '/me', down.sign(officer));
    expectProblem(res, 503, 'AUTH.KEYS_UNAVAILABLE');
  });
});
