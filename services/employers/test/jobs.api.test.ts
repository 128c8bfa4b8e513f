import { randomUUID } from 'node:crypto';
import { expireJobs } from '../src/domain/expire-jobs.use-case';
import { SECTION6_JOB } from './support/fixtures';
import { type Harness, startHarness } from './support/employers-harness';

let h: Harness;
let clock = new Date();
const orgA = `org-a-${randomUUID()}`;
const orgB = `org-b-${randomUUID()}`;
let employerA: string;
let employerB: string;
let officer: string;

beforeAll(async () => {
  h = await startHarness({ now: () => clock });
  employerA = h.bearer('employer', orgA);
  employerB = h.bearer('employer', orgB);
  officer = h.bearer('officer', 'police-org');
});
afterAll(() => h.close());
afterEach(() => {
  clock = new Date();
});

const post = (body: object, auth = employerA, key?: string) => {
  const req = h.api().post('/jobs').set('Authorization', auth);
  if (key) req.set('Idempotency-Key', key);
  return req.send(body);
};

const expectProblem = (res: { status: number; headers: Record<string, string>; body: { errors?: { field: string }[] } }, field: string) => {
  expect(res.status).toBe(400);
  expect(res.headers['content-type']).toMatch(/^application\/problem\+json/);
  expect(res.body.errors?.map((e) => e.field)).toContain(field);
};

describe('POST /jobs', () => {
  it('when the ARCHITECTURE §6 body is sent as written, then 201 with an open job, 0 filled, and Location', async () => {
    const res = await post(SECTION6_JOB);
    expect(res.status).toBe(201);
    expect(res.body).toMatchObject({
      ...SECTION6_JOB,
      closesAt: expect.any(String),
      employerOrgId: orgA,
      status: 'open',
      filled: 0,
      verifiedEmployer: false,
    });
    expect(res.headers.location).toBe(`/jobs/${res.body.id}`);
  });

  it('when status "draft" is sent, then the job is a draft that officers cannot see', async () => {
    const res = await post({ ...SECTION6_JOB, status: 'draft' });
    expect(res.body.status).toBe('draft');
    expect((await h.api().get(`/jobs/${res.body.id}`).set('Authorization', officer)).status).toBe(404);
    const list = await h.api().get('/jobs?limit=200').set('Authorization', officer);
    expect(list.body.items.map((j: { id: string }) => j.id)).not.toContain(res.body.id);
  });

  it('when the same Idempotency-Key is retried, then one job exists and the first reply comes back', async () => {
    const key = randomUUID();
    const first = await post({ ...SECTION6_JOB, title: 'Idempotent' }, employerA, key);
    const again = await post({ ...SECTION6_JOB, title: 'Idempotent' }, employerA, key);
    expect(again.status).toBe(201);
    expect(again.headers['idempotent-replayed']).toBe('true');
    expect(again.body).toEqual(first.body);
    const list = await h.api().get('/jobs?limit=200').set('Authorization', employerA);
    expect(list.body.items.filter((j: { title: string }) => j.title === 'Idempotent')).toHaveLength(1);
    expect((await post({ ...SECTION6_JOB, title: 'Other' }, employerA, key)).status).toBe(422);
  });

  it('when wageMinVnd exceeds wageMaxVnd, then 400 problem+json naming wageMinVnd', async () => {
    const res = await post({ ...SECTION6_JOB, wageMinVnd: 10_000_000, wageMaxVnd: 9_000_000 });
    expectProblem(res, 'wageMinVnd');
    expect(res.body.code).toBe('JOB.WAGE_RANGE_INVALID');
  });

  it('when a wage is negative or not an integer, then 400 naming that field', async () => {
    expectProblem(await post({ ...SECTION6_JOB, wageMinVnd: -1 }), 'wageMinVnd');
    expectProblem(await post({ ...SECTION6_JOB, wageMaxVnd: 9_000_000.5 }), 'wageMaxVnd');
    expectProblem(await post({ ...SECTION6_JOB, wageMaxVnd: '9000000' }), 'wageMaxVnd');
  });

  it('when closesAt is in the past, then 400 naming closesAt', async () => {
    const res = await post({ ...SECTION6_JOB, closesAt: '2020-01-01' });
    expectProblem(res, 'closesAt');
    expect(res.body.code).toBe('JOB.CLOSES_IN_PAST');
  });

  it('when the occupation, a skill or the commune is unknown, then 400 naming each field', async () => {
    const occupation = await post({ ...SECTION6_JOB, occupationCode: '9999' });
    expectProblem(occupation, 'occupationCode');
    expect(occupation.body.code).toBe('JOB.OCCUPATION_UNKNOWN');
    expectProblem(await post({ ...SECTION6_JOB, skills: ['welding', 'juggling'] }), 'skills[1]');
    expectProblem(await post({ ...SECTION6_JOB, provinceCode: '01' }), 'communeCode');
  });

  it('when a season is given for a stable job, or ends before it starts, then 400 naming the season field', async () => {
    expectProblem(await post({ ...SECTION6_JOB, seasonStart: '2099-01-01' }), 'seasonStart');
    expectProblem(
      await post({ ...SECTION6_JOB, employmentType: 'seasonal', seasonStart: '2099-05-01', seasonEnd: '2099-04-01' }),
      'seasonEnd',
    );
  });

  it('when an officer posts, then 403; without a token, 401', async () => {
    expect((await post(SECTION6_JOB, officer)).status).toBe(403);
    expect((await h.api().post('/jobs').send(SECTION6_JOB)).status).toBe(401);
  });
});

describe('GET /jobs', () => {
  it('when an employer lists, then only its own jobs; officers filter by province, occupation, type and wage', async () => {
    const mine = await post(
      { ...SECTION6_JOB, title: 'Seasonal picker', occupationCode: '9211', skills: [], employmentType: 'seasonal', wageMinVnd: 5_000_000 },
      employerB,
    );
    expect(mine.status).toBe(201);
    const ownList = await h.api().get('/jobs?limit=200').set('Authorization', employerB);
    expect(ownList.body.items.map((j: { id: string }) => j.id)).toEqual([mine.body.id]);
    const filtered = await h
      .api()
      .get('/jobs?employmentType=seasonal&occupationCode=9211&provinceCode=40&status=open')
      .set('Authorization', officer);
    expect(filtered.body.items.map((j: { id: string }) => j.id)).toEqual([mine.body.id]);
    const byWage = await h.api().get('/jobs?wageMin=6000000&limit=200').set('Authorization', officer);
    expect(byWage.body.items.map((j: { id: string }) => j.id)).not.toContain(mine.body.id);
  });

  it('when limit is above 200, then it is clamped, and the cursor pages without repeats', async () => {
    for (let i = 0; i < 3; i++) await post({ ...SECTION6_JOB, title: `Page ${i}` }, employerB);
    expect((await h.api().get('/jobs?limit=5000').set('Authorization', employerB)).status).toBe(200);
    expect((await h.api().get('/jobs?limit=0').set('Authorization', employerB)).body.items).toHaveLength(1);
    const first = await h.api().get('/jobs?limit=2').set('Authorization', employerB);
    expect(first.body.items).toHaveLength(2);
    const second = await h.api().get(`/jobs?limit=2&cursor=${first.body.nextCursor}`).set('Authorization', employerB);
    const ids = [...first.body.items, ...second.body.items].map((j: { id: string }) => j.id);
    expect(new Set(ids).size).toBe(ids.length);
    expect((await h.api().get('/jobs?cursor=garbage').set('Authorization', employerB)).status).toBe(400);
  });
});

describe('employer A and employer B', () => {
  it("when B reads, edits or lists applications of A's job, then 404 each time and A's job is unchanged", async () => {
    const job = (await post(SECTION6_JOB)).body;
    expect((await h.api().get(`/jobs/${job.id}`).set('Authorization', employerB)).status).toBe(404);
    const edit = await h.api().patch(`/jobs/${job.id}`).set('Authorization', employerB).send({ title: 'Hijacked' });
    expect(edit.status).toBe(404);
    expect(edit.body.code).toBe('JOB.NOT_FOUND');
    expect((await h.api().get(`/jobs/${job.id}/applications`).set('Authorization', employerB)).status).toBe(404);
    expect((await h.api().get(`/jobs/${job.id}`).set('Authorization', employerA)).body.title).toBe(SECTION6_JOB.title);
  });
});

describe('PATCH /jobs/{id}', () => {
  it('when the owner edits and closes its job, then 200 each time, and a closed job cannot reopen (409)', async () => {
    const job = (await post(SECTION6_JOB)).body;
    const edited = await h
      .api()
      .patch(`/jobs/${job.id}`)
      .set('Authorization', employerA)
      .send({ wageMaxVnd: 9_500_000, accommodation: true });
    expect(edited.body).toMatchObject({ wageMaxVnd: 9_500_000, accommodation: true, status: 'open' });
    expect((await h.api().patch(`/jobs/${job.id}`).set('Authorization', employerA).send({ status: 'closed' })).body.status).toBe('closed');
    const reopen = await h.api().patch(`/jobs/${job.id}`).set('Authorization', employerA).send({ status: 'open' });
    expect(reopen.status).toBe(409);
    expect(reopen.body.code).toBe('JOB.TRANSITION_ILLEGAL');
  });

  it('when an edit makes the wage range invalid, then 400 naming the field', async () => {
    const job = (await post(SECTION6_JOB)).body;
    expectProblem(await h.api().patch(`/jobs/${job.id}`).set('Authorization', employerA).send({ wageMinVnd: 99_000_000 }), 'wageMinVnd');
  });

  it('when the closing date passes, then the job reads expired, the sweep stores it, and a later closesAt reopens it', async () => {
    const job = (await post({ ...SECTION6_JOB, closesAt: new Date(Date.now() + 60_000).toISOString() })).body;
    clock = new Date(Date.now() + 120_000);
    expect((await h.api().get(`/jobs/${job.id}`).set('Authorization', officer)).body.status).toBe('expired');
    const expired = await h.api().get('/jobs?status=expired&limit=200').set('Authorization', officer);
    expect(expired.body.items.map((j: { id: string }) => j.id)).toContain(job.id);
    expect(await expireJobs(h.employers.ctx)).toBeGreaterThanOrEqual(1);
    expect((await h.employers.ctx.jobs.findById(job.id))?.status).toBe('expired');
    const revived = await h.api().patch(`/jobs/${job.id}`).set('Authorization', employerA).send({ closesAt: '2099-06-30' });
    expect(revived.body.status).toBe('open');
  });
});
