import request from 'supertest';
import { type Harness, startIdentity } from './support/identity-harness';

let h: Harness;

beforeAll(async () => {
  h = await startIdentity();
});
afterAll(() => h.close());

const refresh = (refreshToken: string) => request(h.app).post('/auth/refresh').send({ refreshToken });

describe('POST /auth/refresh', () => {
  it('when a refresh token is used, then a new pair comes back and the old refresh token is refused', async () => {
    const first = await h.login('officer@demo.vn');
    const rotated = await refresh(first.refreshToken);
    expect(rotated.status).toBe(200);
    expect(rotated.body.refreshToken).not.toBe(first.refreshToken);
    expect(rotated.body.user).toEqual(first.user);
    expect((await request(h.app).get('/auth/me').set('Authorization', `Bearer ${rotated.body.accessToken}`)).status).toBe(200);

    const again = await refresh(first.refreshToken);
    expect(again.status).toBe(401);
    expect(again.headers['content-type']).toMatch(/^application\/problem\+json/);
    expect(again.body.code).toBe('AUTH.REFRESH_TOKEN_REUSED');
  });

  it('when an old refresh token is reused, then the whole family is revoked, the newest token too', async () => {
    const first = await h.login('college@demo.vn');
    const second = (await refresh(first.refreshToken)).body;
    const third = (await refresh(second.refreshToken)).body;
    expect((await refresh(first.refreshToken)).body.code).toBe('AUTH.REFRESH_TOKEN_REUSED');
    const stolenBranch = await refresh(third.refreshToken);
    expect(stolenBranch.status).toBe(401);
    // another login (another device) is another family and keeps working
    const other = await h.login('college@demo.vn');
    expect((await refresh(other.refreshToken)).status).toBe(200);
  });

  it('when two requests race with the same refresh token, then exactly one rotates', async () => {
    const { refreshToken } = await h.login('bank2@demo.vn');
    const results = await Promise.all([refresh(refreshToken), refresh(refreshToken), refresh(refreshToken)]);
    expect(results.map((r) => r.status).sort()).toEqual([200, 401, 401]);
  });

  it('when the token is unknown, then 401 AUTH.REFRESH_TOKEN_INVALID', async () => {
    const res = await refresh('rt_not-a-token');
    expect(res.status).toBe(401);
    expect(res.body.code).toBe('AUTH.REFRESH_TOKEN_INVALID');
  });
});

describe('POST /auth/logout', () => {
  it('when a session logs out, then its refresh token no longer works, and logging out again is still 204', async () => {
    const session = await h.login('employer@demo.vn');
    const logout = await request(h.app).post('/auth/logout').send({ refreshToken: session.refreshToken });
    expect(logout.status).toBe(204);
    expect((await refresh(session.refreshToken)).status).toBe(401);
    expect((await request(h.app).post('/auth/logout').send({ refreshToken: session.refreshToken })).status).toBe(204);
    expect((await request(h.app).post('/auth/logout').send({ refreshToken: 'rt_unknown' })).status).toBe(204);
  });
});

describe('GET /auth/me', () => {
  it('when called with a token, then 200 with the caller and no password hash', async () => {
    const res = await request(h.app).get('/auth/me').set('Authorization', await h.bearer('bank@demo.vn'));
    expect(res.status).toBe(200);
    expect(res.body).toMatchObject({ email: 'bank@demo.vn', role: 'bank', provinceCode: '40', status: 'active' });
    expect(JSON.stringify(res.body)).not.toMatch(/passwordHash|argon2/);
  });

  it('when called without a token or with a garbage one, then 401 problem+json', async () => {
    const none = await request(h.app).get('/auth/me');
    expect(none.status).toBe(401);
    expect(none.body.code).toBe('AUTH.TOKEN_MISSING');
    const garbage = await request(h.app).get('/auth/me').set('Authorization', 'Bearer abc.def.ghi');
    expect(garbage.status).toBe(401);
    expect(garbage.headers['content-type']).toMatch(/^application\/problem\+json/);
  });
});

describe('POST /auth/password', () => {
  it('when the current password is right, then the new one works, the old one does not, and every refresh token is revoked', async () => {
    const before = await h.login('employer2@demo.vn');
    const otherDevice = await h.login('employer2@demo.vn');
    const change = await request(h.app)
      .post('/auth/password')
      .set('Authorization', `Bearer ${before.accessToken}`)
      .send({ currentPassword: 'demo1234', newPassword: 'a-much-longer-passphrase' });
    expect(change.status).toBe(204);
    expect((await refresh(before.refreshToken)).status).toBe(401);
    expect((await refresh(otherDevice.refreshToken)).status).toBe(401);
    expect((await request(h.app).post('/auth/login').send({ email: 'employer2@demo.vn', password: 'demo1234' })).status).toBe(401);
    expect((await h.login('employer2@demo.vn', 'a-much-longer-passphrase')).user.id).toBe(before.user.id);
  });

  it('when the current password is wrong, then 400 names currentPassword and nothing changes', async () => {
    const res = await request(h.app)
      .post('/auth/password')
      .set('Authorization', await h.bearer('admin@demo.vn'))
      .send({ currentPassword: 'not-it-at-all', newPassword: 'another-passphrase' });
    expect(res.status).toBe(400);
    expect(res.body).toMatchObject({ code: 'AUTH.CURRENT_PASSWORD_WRONG', errors: [{ field: 'currentPassword' }] });
    expect((await h.login('admin@demo.vn')).user).toBeDefined();
  });

  it('when the new password is too short, then 400 names newPassword', async () => {
    const res = await request(h.app)
      .post('/auth/password')
      .set('Authorization', await h.bearer('admin@demo.vn'))
      .send({ currentPassword: 'demo1234', newPassword: 'short' });
    expect(res.status).toBe(400);
    expect(res.body.errors).toEqual([expect.objectContaining({ field: 'newPassword', rule: 'minLength' })]);
  });
});
