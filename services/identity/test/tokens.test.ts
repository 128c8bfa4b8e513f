import { generateKeyPairSync } from 'node:crypto';
import type { Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import jwt from 'jsonwebtoken';
import request from 'supertest';
import { createVerifier, jwksKeys, signAccessToken } from '@hoanhap/auth';
import { type Harness, AUDIENCE, ISSUER, startIdentity, testKeyRing } from './support/identity-harness';

let h: Harness;
let server: Server;
let jwksUrl: string;
// identity is mid-rotation: it signs with a new key and still publishes the previous one
const previous = testKeyRing().signing;

beforeAll(async () => {
  const keys = { ...testKeyRing(), previous: [{ kid: previous.kid, publicKey: previous.publicKey }] };
  h = await startIdentity({ keys, settings: { accessTokenTtlSec: 1 }, clockToleranceSec: 0 });
  server = h.app.listen(0, '127.0.0.1');
  await new Promise((resolve) => server.once('listening', resolve));
  jwksUrl = `http://127.0.0.1:${(server.address() as AddressInfo).port}/auth/jwks.json`;
});
afterAll(async () => {
  await new Promise((resolve) => server.close(resolve));
  await h.close();
});

// lifetimes are 1 s here: only the expiry check may run without the usual clock tolerance
const verifierFor = (clockToleranceSec = 5) => createVerifier({ issuer: ISSUER, audience: AUDIENCE, keys: jwksKeys(jwksUrl), clockToleranceSec });

describe('access tokens and GET /auth/jwks.json', () => {
  it('when a token is issued, then packages/auth verifies it against the JWKS and its claims are sub, role, orgId, provinceCode', async () => {
    const { accessToken, user } = await h.login('employer@demo.vn');
    const header = jwt.decode(accessToken, { complete: true })!.header;
    expect(header).toMatchObject({ alg: 'RS256', kid: h.keys.signing.kid });
    const claims = await verifierFor()(accessToken);
    expect(claims).toMatchObject({ sub: user.id, role: 'employer', orgId: user.orgId, provinceCode: '40', iss: ISSUER, aud: AUDIENCE });
    expect(claims.exp - claims.iat!).toBe(1);
  });

  it('when the JWKS is fetched, then it is public, cacheable and lists the current and the previous key', async () => {
    const res = await request(h.app).get('/auth/jwks.json');
    expect(res.status).toBe(200);
    expect(res.headers['cache-control']).toContain('max-age');
    expect(res.body.keys.map((k: { kid: string }) => k.kid)).toEqual([h.keys.signing.kid, previous.kid]);
    for (const key of res.body.keys) {
      expect(key).toMatchObject({ kty: 'RSA', alg: 'RS256', use: 'sig' });
      expect(key).not.toHaveProperty('d'); // never the private part
    }
  });

  it('when a token was signed with the previous key, then it still verifies, through the JWKS and at identity', async () => {
    const { user } = await h.login('college@demo.vn');
    const old = signAccessToken({ sub: user.id, role: 'college', orgId: user.orgId, provinceCode: '40' }, previous, { issuer: ISSUER, audience: AUDIENCE });
    expect((await verifierFor()(old)).sub).toBe(user.id);
    expect((await request(h.app).get('/auth/me').set('Authorization', `Bearer ${old}`)).status).toBe(200);
  });

  it('when a token is signed by a key identity never published, then 401', async () => {
    const stranger = { kid: previous.kid, privateKey: generateKeyPairSync('rsa', { modulusLength: 2048 }).privateKey };
    const forged = signAccessToken({ sub: 'x', role: 'admin' }, stranger, { issuer: ISSUER, audience: AUDIENCE });
    await expect(verifierFor()(forged)).rejects.toMatchObject({ httpStatus: 401 });
    expect((await request(h.app).get('/organisations').set('Authorization', `Bearer ${forged}`)).status).toBe(401);
  });

  it('when the access token outlives its lifetime, then verifiers and identity refuse it as expired, and a refresh gives a working one', async () => {
    const { accessToken, refreshToken } = await h.login('officer@demo.vn');
    await new Promise((r) => setTimeout(r, 2100));
    await expect(verifierFor(0)(accessToken)).rejects.toMatchObject({ code: 'AUTH.TOKEN_EXPIRED' });
    const me = await request(h.app).get('/auth/me').set('Authorization', `Bearer ${accessToken}`);
    expect(me.status).toBe(401);
    expect(me.body.code).toBe('AUTH.TOKEN_EXPIRED');
    const renewed = await request(h.app).post('/auth/refresh').send({ refreshToken });
    expect((await verifierFor()(renewed.body.accessToken)).role).toBe('officer');
  });
});
