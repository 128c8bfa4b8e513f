import jwt from 'jsonwebtoken';
import request from 'supertest';
import { type Harness, startHarness, users } from './fixtures/gateway-harness';

let harness: Harness;
beforeAll(async () => {
  harness = await startHarness();
});
afterAll(() => harness.close());

const getThings = (token?: string) => {
  const req = request(harness.url).get('/api/employers/things?limit=5');
  return token === undefined ? req : req.set('authorization', `Bearer ${token}`);
};

async function expectRefused(token: string | undefined, code: string) {
  const before = harness.fixture.hits;
  const res = await getThings(token);
  expect(res.status).toBe(401);
  expect(res.headers['content-type']).toMatch(/^application\/problem\+json/);
  expect(res.headers['www-authenticate']).toMatch(/^Bearer/);
  expect(res.body.code).toBe(code);
  expect(harness.fixture.hits).toBe(before); // refused at the door: the service never saw it
}

describe('token checks before proxying', () => {
  it('when no token is sent, then 401 AUTH.TOKEN_MISSING', () => expectRefused(undefined, 'AUTH.TOKEN_MISSING'));
  it('when the Authorization header is not a bearer token, then 401', async () => {
    const res = await request(harness.url).get('/api/employers/things').set('authorization', 'Basic dXNlcjpwYXNz');
    expect([res.status, res.body.code]).toEqual([401, 'AUTH.TOKEN_MISSING']);
  });
  it('when the token has expired, then 401 AUTH.TOKEN_EXPIRED', () => expectRefused(harness.issuer.expired(users.officer), 'AUTH.TOKEN_EXPIRED'));
  it('when the signature was made by another key under a published kid, then 401', () =>
    expectRefused(harness.issuer.forged(users.officer), 'AUTH.TOKEN_INVALID'));
  it('when the token names a kid that identity never published, then 401 AUTH.KEY_UNKNOWN', () =>
    expectRefused(harness.issuer.wrongKid(users.officer), 'AUTH.KEY_UNKNOWN'));
  it('when the claims were changed after signing (employer → admin), then 401', () =>
    expectRefused(harness.issuer.tampered(users.employer, { role: 'admin' }), 'AUTH.TOKEN_INVALID'));
  it('when the token was issued for another issuer or audience, then 401', async () => {
    await expectRefused(harness.issuer.signFor(users.officer, { issuer: 'someone-else' }), 'AUTH.TOKEN_INVALID');
    await expectRefused(harness.issuer.signFor(users.officer, { audience: 'another-api' }), 'AUTH.TOKEN_INVALID');
  });
  it('when the token is unsigned (alg none), then 401', async () => {
    const unsigned = jwt.sign({ ...users.admin, iss: 'hoanhap-identity', aud: 'hoanhap' }, null, { algorithm: 'none', keyid: harness.issuer.currentKid });
    await expectRefused(unsigned, 'AUTH.TOKEN_INVALID');
  });
  it('when identity rotates its key, then tokens signed with the new kid pass (the JWKS is fetched again)', async () => {
    await harness.issuer.rotate();
    await getThings(harness.tokenFor('officer')).expect(200);
  });
});

describe('what the service receives', () => {
  it('when a request passes, then the Authorization header arrives unchanged with x-user-id/-role/x-org-id and the ids', async () => {
    const token = harness.tokenFor('employer');
    const res = await getThings(token).set('x-correlation-id', 'corr-123').expect(200);
    expect(res.body).toMatchObject({
      method: 'GET',
      path: '/things?limit=5', // /api/employers stripped, query kept
      authorization: `Bearer ${token}`,
      user: { id: 'u-employer', role: 'employer', orgId: 'org-employer' },
      correlationId: 'corr-123',
      requestId: res.headers['x-request-id'],
    });
    expect(res.headers['x-correlation-id']).toBe('corr-123');
  });

  it('when the client sends its own x-user-* headers, then the service gets the verified ones instead', async () => {
    const res = await getThings(harness.tokenFor('officer')).set('x-user-role', 'admin').set('x-user-id', 'u-evil').expect(200);
    expect(res.body.user).toEqual({ id: 'u-officer', role: 'officer', orgId: 'org-officer' });
  });

  it('when /auth/* is called, then identity receives the path unchanged; /api/identity/* loses its prefix', async () => {
    const login = await request(harness.url).post('/auth/login').send({ email: 'a@b.vn', password: 'x' }).expect(201);
    expect(login.body).toMatchObject({ path: '/auth/login', body: { email: 'a@b.vn', password: 'x' } });
    const users = await request(harness.url).get('/api/identity/users').set('authorization', `Bearer ${harness.tokenFor('admin')}`).expect(200);
    expect(users.body.path).toBe('/users');
  });

  it('when a JSON body is posted, then it streams through unchanged', async () => {
    const body = { title: 'Thợ hàn', openings: 3, note: 'x'.repeat(20_000) };
    const res = await request(harness.url).post('/api/employers/echo').set('authorization', `Bearer ${harness.tokenFor('officer')}`).send(body).expect(201);
    expect(res.body.body).toEqual(body);
  });
});
