import request from 'supertest';
import { byIdOnly, storeCallsDuring } from '@hoanhap/testing';
import { type Harness, startIdentity } from './support/identity-harness';

let h: Harness;
const MAX_FAILURES = 3;

beforeAll(async () => {
  // a 1-second lock so the test can watch it end
  h = await startIdentity({ settings: { maxLoginFailures: MAX_FAILURES, lockoutSec: 1 } });
});
afterAll(() => h.close());

const login = (email: string, password: string) => request(h.app).post('/auth/login').send({ email, password });

describe('POST /auth/login', () => {
  it('when the email and password are right, then 200 with tokens and the user (id, role, orgId, provinceCode, email, name)', async () => {
    const res = await login('officer@demo.vn', 'demo1234');
    expect(res.status).toBe(200);
    expect(res.headers['cache-control']).toBe('no-store');
    expect(res.body).toMatchObject({ tokenType: 'Bearer', expiresIn: 900 });
    expect(res.body.accessToken.split('.')).toHaveLength(3);
    expect(res.body.refreshToken).toMatch(/^rt_/);
    expect(res.body.user).toEqual({
      id: expect.any(String),
      role: 'officer',
      orgId: expect.any(String),
      provinceCode: '40',
      email: 'officer@demo.vn',
      name: 'Trần Văn Hùng',
    });
  });

  it('when the email differs only in case, then it still logs in', async () => {
    expect((await login('Officer@Demo.VN', 'demo1234')).status).toBe(200);
  });

  it('when the password is wrong, then 401 problem+json AUTH.INVALID_CREDENTIALS, the same as for an unknown email', async () => {
    const wrong = await login('college@demo.vn', 'wrong-password');
    expect(wrong.status).toBe(401);
    expect(wrong.headers['content-type']).toMatch(/^application\/problem\+json/);
    expect(wrong.body).toMatchObject({ status: 401, code: 'AUTH.INVALID_CREDENTIALS' });
    const unknown = await login('nobody@demo.vn', 'wrong-password');
    expect(unknown.status).toBe(401);
    expect(unknown.body.detail).toBe(wrong.body.detail);
    expect(JSON.stringify(wrong.body)).not.toContain('wrong-password');
  });

  it('when the body is incomplete, then 400 names the missing field', async () => {
    const res = await request(h.app).post('/auth/login').send({ email: 'officer@demo.vn' });
    expect(res.status).toBe(400);
    expect(res.body.errors).toEqual([expect.objectContaining({ field: 'password', rule: 'required' })]);
  });

  it('when the failures reach the limit, then 423 says until when, even the right password is refused, and after the window it logs in', async () => {
    for (let i = 1; i < MAX_FAILURES; i++) expect((await login('bank@demo.vn', `bad-${i}`)).status).toBe(401);
    const locked = await login('bank@demo.vn', 'bad-last');
    expect(locked.status).toBe(423);
    expect(locked.headers['content-type']).toMatch(/^application\/problem\+json/);
    expect(locked.body.code).toBe('AUTH.ACCOUNT_LOCKED');
    expect(Date.parse(locked.body.lockedUntil)).toBeGreaterThan(Date.now());
    expect(locked.body.detail).toContain(locked.body.lockedUntil);
    expect(Number(locked.headers['retry-after'])).toBeGreaterThanOrEqual(1);

    const whileLocked = await login('bank@demo.vn', 'demo1234');
    expect(whileLocked.status).toBe(423);
    // the lock is per account: the colleague in the same branch is not affected
    expect((await login('bank2@demo.vn', 'demo1234')).status).toBe(200);

    await new Promise((r) => setTimeout(r, Date.parse(locked.body.lockedUntil) - Date.now() + 50));
    expect((await login('bank@demo.vn', 'demo1234')).status).toBe(200);
  });

  it('when a login succeeds, then earlier failures are forgotten', async () => {
    for (let i = 1; i < MAX_FAILURES; i++) expect((await login('employer@demo.vn', 'nope-nope')).status).toBe(401);
    expect((await login('employer@demo.vn', 'demo1234')).status).toBe(200);
    for (let i = 1; i < MAX_FAILURES; i++) expect((await login('employer@demo.vn', 'nope-nope')).status).toBe(401);
  });

  it('when the account is disabled, then the right password gets 403 AUTH.ACCOUNT_DISABLED', async () => {
    const admin = await h.bearer('admin@demo.vn');
    const { user } = await h.login('employer2@demo.vn');
    expect((await request(h.app).post(`/users/${user.id}/disable`).set('Authorization', admin)).status).toBe(200);
    const res = await login('employer2@demo.vn', 'demo1234');
    expect(res.status).toBe(403);
    expect(res.body.code).toBe('AUTH.ACCOUNT_DISABLED');
  });
});

describe('login reads by _id only (FerretDB 1.x reads the whole users collection for { email })', () => {
  const usersAndKeys = async <T>(work: () => Promise<T>) => {
    const { result, calls } = await storeCallsDuring(h.connection, ['users', 'user_emails'], work);
    return { result, filters: calls.filter((c) => c.method.startsWith('find')).map(({ collection, filter }) => ({ collection, filter })) };
  };
  const storedUser = (email: string) => h.connection.collection('users').findOne({ email });

  it('when a user logs in, then the email key and then the user are read, each by _id alone', async () => {
    const { result, filters } = await usersAndKeys(() => login('Officer@Demo.vn', 'demo1234'));

    expect(result.status).toBe(200);
    expect(filters.map((f) => f.collection)).toEqual(['user_emails', 'users']);
    expect(filters.every((f) => byIdOnly(f.filter))).toBe(true);
  });

  it('when the email is unknown, then only its key is read (no scan of the users), and the answer is the usual 401', async () => {
    const { result, filters } = await usersAndKeys(() => login('nobody-at-all@demo.vn', 'whatever-1'));

    expect(result.status).toBe(401);
    expect(filters).toEqual([{ collection: 'user_emails', filter: { _id: 'nobody-at-all@demo.vn' } }]);
  });

  it('when users were stored before email keys existed, then they log in once identity has started again', async () => {
    const officer = await storedUser('officer@demo.vn');
    // a user id as identity issues them (a UUID: the spec's Id), for a user stored before email keys
    const before = 'b4e0c0de-0000-4000-8000-00000000b4e0';
    await h.connection.collection('users').insertOne({ ...officer!, _id: before as never, email: 'before.keys@demo.vn' });
    await h.connection.collection('user_emails').deleteOne({ _id: 'backfilled' as never });
    expect((await login('before.keys@demo.vn', 'demo1234')).status).toBe(401);

    await h.ctx.users.init();

    const res = await login('before.keys@demo.vn', 'demo1234');
    expect(res.status).toBe(200);
    expect(res.body.user.id).toBe(before);
  });

  it('when a key names a user that is not stored (a creation that stopped halfway), then the email can go to a new user, who logs in', async () => {
    await h.connection.collection('user_emails').insertOne({ _id: 'halfway@demo.vn' as never, userId: 'never-stored' });
    const admin = await h.bearer('admin@demo.vn');
    const { user: college } = await h.login('college@demo.vn');
    const created = await request(h.app)
      .post('/users')
      .set('Authorization', admin)
      .send({ email: 'halfway@demo.vn', name: 'Lê Văn Bình', role: 'college', orgId: college.orgId, password: 'initial-pass-2' });
    expect(created.status).toBe(201);

    const res = await login('halfway@demo.vn', 'initial-pass-2');
    expect(res.status).toBe(200);
    expect(res.body.user.id).toBe(created.body.id);
  });

  it('when a key names a user that is missing but the user is stored, then login finds the user by scan once and mends the key', async () => {
    await h.connection.collection('user_emails').updateOne({ _id: 'college@demo.vn' as never }, { $set: { userId: 'someone-gone' } });

    expect((await login('college@demo.vn', 'demo1234')).status).toBe(200);
    const { result, filters } = await usersAndKeys(() => login('college@demo.vn', 'demo1234'));
    expect(result.status).toBe(200);
    expect(filters.every((f) => byIdOnly(f.filter))).toBe(true);
  });
});
