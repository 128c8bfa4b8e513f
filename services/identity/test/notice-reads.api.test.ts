import request from 'supertest';
import { type Harness, startIdentity } from './support/identity-harness';

let h: Harness;

beforeAll(async () => {
  h = await startIdentity();
});
afterAll(() => h.close());

const marks = (bearer: string) => request(h.app).get('/auth/me/notice-reads').set('Authorization', bearer);
const add = (bearer: string, body: unknown) =>
  request(h.app)
    .post('/auth/me/notice-reads')
    .set('Authorization', bearer)
    .send(body as object);
const mark = (k: number) => `referral:00000000-0000-4000-8000-${String(k).padStart(12, '0')}@2026-12-06T16:49:00.000Z`;

describe('/auth/me/notice-reads: which notices a user has read, on every device', () => {
  it('when a user marks notices read in one session, then another session of theirs sees them, and no one else does', async () => {
    const laptop = await h.bearer('officer@demo.vn');
    const phone = await h.bearer('officer@demo.vn');
    expect((await marks(phone).expect(200)).body).toEqual({ marks: [] });
    const added = await add(laptop, { marks: [mark(1), mark(2)] }).expect(200);
    expect(added.headers['cache-control']).toBe('no-store');
    expect(added.body.marks).toEqual([mark(1), mark(2)]);
    expect((await marks(phone).expect(200)).body.marks).toEqual([mark(1), mark(2)]);
    expect((await marks(await h.bearer('employer@demo.vn')).expect(200)).body.marks).toEqual([]);
  });

  it('when the same marks are sent again (a retry) or twice in one body, then each is kept once', async () => {
    const bearer = await h.bearer('college@demo.vn');
    await add(bearer, { marks: [mark(1), mark(1)] }).expect(200);
    const again = await add(bearer, { marks: [mark(1), mark(3)] }).expect(200);
    expect(again.body.marks).toEqual([mark(1), mark(3)]);
  });

  it('when two tabs mark different notices read at the same instant, again and again, then no mark is lost', async () => {
    const laptop = await h.bearer('employer@demo.vn');
    const phone = await h.bearer('employer@demo.vn');
    for (let round = 0; round < 15; round++) {
      await Promise.all([
        add(laptop, { marks: [mark(1000 + round)] }).expect(200),
        add(phone, { marks: [mark(2000 + round), mark(3000 + round)] }).expect(200),
      ]);
    }
    const all = (await marks(laptop).expect(200)).body.marks as string[];
    const expected = Array.from({ length: 15 }, (_v, round) => [mark(1000 + round), mark(2000 + round), mark(3000 + round)]).flat();
    expect([...all].sort()).toEqual(expected.sort());
  });

  it('when marks were kept one document per mark (the form before), then starting moves them and the user keeps them in order', async () => {
    const bearer = await h.bearer('bank@demo.vn');
    const me = (await request(h.app).get('/auth/me').set('Authorization', bearer).expect(200)).body.id as string;
    const at = new Date('2026-11-30T08:00:00Z');
    await h.connection.collection('notice_marks').insertMany([
      { _id: `${me} ${mark(5)}` as never, userId: me, mark: mark(5), at, n: 1 },
      { _id: `${me} ${mark(7)}` as never, userId: me, mark: mark(7), at, n: 0 },
    ]);
    await h.prepare();
    expect((await marks(bearer).expect(200)).body.marks).toEqual([mark(7), mark(5)]);
    expect(await h.connection.collection('notice_marks').countDocuments({ userId: me })).toBe(0);
    await add(bearer, { marks: [mark(5), mark(9)] }).expect(200);
    expect((await marks(bearer).expect(200)).body.marks).toEqual([mark(7), mark(5), mark(9)]);
    await h.connection.collection('notice_reads').deleteOne({ _id: me as never });
  });

  it('when more than 500 marks are added, then the newest 500 are kept', async () => {
    const bearer = await h.bearer('bank@demo.vn');
    for (let batch = 0; batch < 3; batch++)
      await add(bearer, { marks: Array.from({ length: 200 }, (_v, i) => mark(batch * 200 + i)) }).expect(200);
    const kept = (await marks(bearer).expect(200)).body.marks as string[];
    expect(kept).toHaveLength(500);
    expect(kept[0]).toBe(mark(100));
    expect(kept.at(-1)).toBe(mark(599));
  });

  it('when the body is empty, too long or a mark is malformed, then 400 problem+json names the field and rule', async () => {
    const bearer = await h.bearer('admin@demo.vn');
    for (const [body, field, rule] of [
      [{ marks: [] }, 'marks', 'minItems'],
      [{ marks: Array.from({ length: 201 }, (_v, i) => mark(i)) }, 'marks', 'maxItems'],
      [{ marks: ['<script>'] }, 'marks[0]', 'pattern'],
      [{ marks: [mark(1)], userId: 'someone-else' }, 'userId', 'unknown'],
    ] as const) {
      const res = await add(bearer, body).expect(400);
      expect(res.headers['content-type']).toMatch(/^application\/problem\+json/);
      expect(res.body.errors).toEqual(expect.arrayContaining([expect.objectContaining({ field, rule })]));
    }
    expect((await marks(bearer)).body.marks).toEqual([]);
  });

  it('when there is no token, then 401 and nothing is read or written', async () => {
    await request(h.app).get('/auth/me/notice-reads').expect(401);
    await request(h.app)
      .post('/auth/me/notice-reads')
      .send({ marks: [mark(1)] })
      .expect(401);
  });
});
