import request from 'supertest';
import { type Harness, startIdentity } from './support/identity-harness';

let h: Harness;
let admin: string;
let collegeOrgId: string;

beforeAll(async () => {
  h = await startIdentity();
  admin = await h.bearer('admin@demo.vn');
  collegeOrgId = (await h.login('college@demo.vn')).user.orgId;
});
afterAll(() => h.close());

const newUser = (email: string, extra: object = {}) => ({ email, name: 'Ngô Thị Thu', role: 'college', orgId: collegeOrgId, password: 'initial-pass-1', ...extra });
const create = (payload: object, auth = admin, key?: string) => {
  const req = request(h.app).post('/users').set('Authorization', auth);
  if (key) req.set('Idempotency-Key', key);
  return req.send(payload);
};

describe('POST /users', () => {
  it('when an admin creates a user, then 201 without any password, and the user can log in with the initial password', async () => {
    const res = await create(newUser('Thu.Ngo@College.vn'));
    expect(res.status).toBe(201);
    expect(res.body).toEqual({
      id: expect.any(String),
      email: 'thu.ngo@college.vn',
      name: 'Ngô Thị Thu',
      role: 'college',
      orgId: collegeOrgId,
      provinceCode: '40',
      status: 'active',
      createdAt: expect.any(String),
    });
    const session = await h.login('thu.ngo@college.vn', 'initial-pass-1');
    expect(session.user).toMatchObject({ id: res.body.id, orgId: collegeOrgId });
  });

  it('when the email is taken (in any case), then 409 problem+json USER.EMAIL_TAKEN', async () => {
    const res = await create(newUser('COLLEGE@demo.vn'));
    expect(res.status).toBe(409);
    expect(res.headers['content-type']).toMatch(/^application\/problem\+json/);
    expect(res.body.code).toBe('USER.EMAIL_TAKEN');
  });

  it('when the same new email is created twice at once, then one 201 and one 409', async () => {
    const results = await Promise.all([create(newUser('race@college.vn')), create(newUser('race@college.vn'))]);
    expect(results.map((r) => r.status).sort()).toEqual([201, 409]);
  });

  it('when an email whose key names a user never stored is created twice at once, then one 201 and one 409, and the one created logs in', async () => {
    for (let round = 0; round < 5; round++) {
      const email = `stale-race-${round}@college.vn`;
      await h.connection.collection('user_emails').insertOne({ _id: email as never, userId: `never-stored-${round}` });
      const results = await Promise.all([create(newUser(email)), create(newUser(email))]);
      expect(results.map((r) => r.status).sort()).toEqual([201, 409]);
      const session = await h.login(email, 'initial-pass-1');
      expect(session.user.id).toBe(results.find((r) => r.status === 201)!.body.id);
    }
  });

  it('when the role does not fit the organisation, or the organisation is unknown, then 400 naming the field', async () => {
    const mismatch = await create(newUser('x1@college.vn', { role: 'bank' }));
    expect(mismatch.status).toBe(400);
    expect(mismatch.body).toMatchObject({ code: 'USER.ROLE_ORGANISATION_MISMATCH', errors: [{ field: 'role' }] });
    const unknown = await create(newUser('x2@college.vn', { orgId: '00000000-0000-4000-8000-000000000000' }));
    expect(unknown.body).toMatchObject({ code: 'USER.ORGANISATION_UNKNOWN', errors: [{ field: 'orgId' }] });
    const returnee = await create(newUser('x3@college.vn', { role: 'returnee' }));
    expect(returnee.status).toBe(400);
    expect(returnee.body.errors[0].field).toBe('role');
  });

  it('when a create is retried with the same Idempotency-Key, then the same user comes back', async () => {
    const first = await create(newUser('keyed@college.vn'), admin, 'user-retry-1');
    const retry = await create(newUser('keyed@college.vn'), admin, 'user-retry-1');
    expect(first.status).toBe(201);
    expect(retry.status).toBe(201);
    expect(retry.body).toEqual(first.body);
    expect(retry.headers['idempotent-replayed']).toBe('true');
  });

  it('when the caller is not an admin, then 403; without a token, 401', async () => {
    expect((await create(newUser('x4@college.vn'), await h.bearer('college@demo.vn'))).status).toBe(403);
    const anonymous = await request(h.app).post('/users').send(newUser('x5@college.vn'));
    expect(anonymous.status).toBe(401);
    expect(anonymous.body.code).toBe('AUTH.TOKEN_MISSING');
  });
});

describe('GET /users and POST /users/{id}/disable', () => {
  it('when listing by organisation with a small limit, then pages of {items, nextCursor} cover the bank branch', async () => {
    const { orgId } = (await h.login('bank@demo.vn')).user;
    const first = await request(h.app).get('/users').query({ orgId, limit: 1 }).set('Authorization', admin);
    expect(first.status).toBe(200);
    expect(first.body.items).toHaveLength(1);
    expect(first.body.nextCursor).toEqual(expect.any(String));
    const second = await request(h.app).get('/users').query({ orgId, limit: 1, cursor: first.body.nextCursor }).set('Authorization', admin);
    expect(second.body.items).toHaveLength(1);
    expect([first.body.items[0].email, second.body.items[0].email].sort()).toEqual(['bank2@demo.vn', 'bank@demo.vn']);
    expect(second.body.nextCursor).toBeNull();
  });

  it('when an admin disables a user, then its refresh tokens die, /auth/me refuses it, and it is listed as disabled', async () => {
    const victim = (await create(newUser('leaving@college.vn'))).body;
    const session = await h.login('leaving@college.vn', 'initial-pass-1');
    const res = await request(h.app).post(`/users/${victim.id}/disable`).set('Authorization', admin);
    expect(res.status).toBe(200);
    expect(res.body).toMatchObject({ id: victim.id, status: 'disabled', disabledAt: expect.any(String) });
    expect((await request(h.app).post('/auth/refresh').send({ refreshToken: session.refreshToken })).status).toBe(401);
    expect((await request(h.app).get('/auth/me').set('Authorization', `Bearer ${session.accessToken}`)).status).toBe(403);
    const disabled = await request(h.app).get('/users?status=disabled').set('Authorization', admin);
    expect(disabled.body.items.map((u: { id: string }) => u.id)).toContain(victim.id);
  });

  it('when the user is unknown, or is the admin themself, then 404 or 409', async () => {
    const unknown = await request(h.app).post('/users/00000000-0000-4000-8000-000000000000/disable').set('Authorization', admin);
    expect(unknown.status).toBe(404);
    const self = (await h.login('admin@demo.vn')).user.id;
    expect((await request(h.app).post(`/users/${self}/disable`).set('Authorization', admin)).status).toBe(409);
  });
});
