import request from 'supertest';
import { type Harness, startIdentity } from './support/identity-harness';

let h: Harness;
let admin: string;
const body = { kind: 'employer', name: 'Công ty May Nghệ An', provinceCode: '40', communeCode: '17662' };

beforeAll(async () => {
  h = await startIdentity();
  admin = await h.bearer('admin@demo.vn');
});
afterAll(() => h.close());

const create = (payload: object, auth: string = admin, key?: string) => {
  const req = request(h.app).post('/organisations');
  if (auth) req.set('Authorization', auth);
  if (key) req.set('Idempotency-Key', key);
  return req.send(payload);
};

describe('POST /organisations', () => {
  it('when an admin registers an organisation, then 201 with its id and it is listed', async () => {
    const res = await create(body);
    expect(res.status).toBe(201);
    expect(res.body).toEqual({ id: expect.any(String), ...body, createdAt: expect.any(String) });
    expect(res.headers.location).toBe(`/organisations/${res.body.id}`);
    const list = await request(h.app).get('/organisations?kind=employer').set('Authorization', admin);
    expect(list.body.items.map((o: { id: string }) => o.id)).toContain(res.body.id);
  });

  it('when the province code is unknown, then 400 problem+json naming provinceCode', async () => {
    const res = await create({ ...body, provinceCode: '99', communeCode: undefined });
    expect(res.status).toBe(400);
    expect(res.headers['content-type']).toMatch(/^application\/problem\+json/);
    expect(res.body).toMatchObject({ code: 'ORGANISATION.PROVINCE_UNKNOWN', errors: [{ field: 'provinceCode', in: 'body' }] });
  });

  it('when the commune is unknown or in another province, then 400 naming communeCode', async () => {
    const unknown = await create({ ...body, communeCode: '99999' });
    expect(unknown.status).toBe(400);
    expect(unknown.body).toMatchObject({ code: 'ORGANISATION.COMMUNE_UNKNOWN', errors: [{ field: 'communeCode' }] });
    const elsewhere = await create({ ...body, provinceCode: '01' });
    expect(elsewhere.status).toBe(400);
    expect(elsewhere.body).toMatchObject({ code: 'ORGANISATION.COMMUNE_NOT_IN_PROVINCE', errors: [{ field: 'communeCode' }] });
  });

  it('when the body is malformed, then 400 names each field', async () => {
    const res = await create({ kind: 'shop', name: '', provinceCode: 'Nghe An' });
    expect(res.status).toBe(400);
    expect([...new Set(res.body.errors.map((e: { field: string }) => e.field))].sort()).toEqual(['kind', 'name', 'provinceCode']);
  });

  it('when the caller is not an admin, then 403; without a token, 401', async () => {
    const officer = await h.bearer('officer@demo.vn');
    const forbidden = await create(body, officer);
    expect(forbidden.status).toBe(403);
    expect(forbidden.body.code).toBe('AUTH.FORBIDDEN_ROLE');
    expect((await request(h.app).get('/organisations').set('Authorization', officer)).status).toBe(403);
    const anonymous = await create(body, '');
    expect(anonymous.status).toBe(401);
    expect(anonymous.headers['content-type']).toMatch(/^application\/problem\+json/);
  });

  it('when a create is retried with the same Idempotency-Key, then the same organisation comes back and only one exists', async () => {
    const payload = { ...body, name: 'Xưởng Gỗ Cửa Lò' };
    const first = await create(payload, admin, 'org-retry-1');
    const retry = await create(payload, admin, 'org-retry-1');
    expect(first.status).toBe(201);
    expect(retry.status).toBe(201);
    expect(retry.headers['idempotent-replayed']).toBe('true');
    expect(retry.body).toEqual(first.body);
    const all = await request(h.app).get('/organisations?limit=200').set('Authorization', admin);
    expect(all.body.items.filter((o: { name: string }) => o.name === payload.name)).toHaveLength(1);
    const changed = await create({ ...payload, name: 'Khác' }, admin, 'org-retry-1');
    expect(changed.status).toBe(422);
  });
});

describe('GET /organisations', () => {
  it('when pages are walked with the cursor, then every organisation appears once and the last page has no cursor', async () => {
    for (let i = 0; i < 5; i++) expect((await create({ ...body, name: `Trang ${i}` })).status).toBe(201);
    const seen: string[] = [];
    let cursor: string | null = null;
    do {
      const res: request.Response = await request(h.app)
        .get('/organisations')
        .query({ limit: 2, ...(cursor ? { cursor } : {}) })
        .set('Authorization', admin);
      expect(res.status).toBe(200);
      expect(res.body.items.length).toBeLessThanOrEqual(2);
      seen.push(...res.body.items.map((o: { id: string }) => o.id));
      cursor = res.body.nextCursor;
    } while (cursor);
    const total = (await request(h.app).get('/organisations?limit=200').set('Authorization', admin)).body.items.length;
    expect(seen).toHaveLength(total);
    expect(new Set(seen).size).toBe(total);
  });

  it('when the limit is above 200, then it is clamped (not refused); a bad cursor is 400 naming cursor', async () => {
    expect((await request(h.app).get('/organisations?limit=5000').set('Authorization', admin)).status).toBe(200);
    const bad = await request(h.app).get('/organisations?cursor=nonsense').set('Authorization', admin);
    expect(bad.status).toBe(400);
    expect(bad.body.errors[0]).toMatchObject({ field: 'cursor', in: 'query' });
  });
});
