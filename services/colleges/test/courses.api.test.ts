import { randomUUID } from 'node:crypto';
import { type Harness, SECTION6_COURSE, startHarness } from './support/colleges-harness';

let h: Harness;
const collegeA = randomUUID();
const collegeB = randomUUID();
let tokenA: string;
let tokenB: string;

beforeAll(async () => {
  h = await startHarness();
  tokenA = h.token('college', collegeA);
  tokenB = h.token('college', collegeB);
});
afterAll(() => h.close());

const postCourse = (body: object, token = tokenA, key?: string) => {
  const req = h.api().post('/courses').set('Authorization', `Bearer ${token}`);
  return key ? req.set('Idempotency-Key', key).send(body) : req.send(body);
};
const expectFieldProblem = (res: { status: number; headers: Record<string, string>; body: { errors?: { field: string }[] } }, field: string) => {
  expect(res.status).toBe(400);
  expect(res.headers['content-type']).toMatch(/^application\/problem\+json/);
  expect(res.body.errors?.map((e) => e.field)).toContain(field);
};

describe('courses and their first cohort', () => {
  it('when a college posts the ARCHITECTURE §6 body as written, then 201 with the course and its open first cohort', async () => {
    const res = await postCourse(SECTION6_COURSE);
    expect(res.status).toBe(201);
    expect(res.headers.location).toBe(`/courses/${res.body.id}`);
    expect(res.body).toMatchObject({
      collegeOrgId: collegeA,
      title: 'Hàn điện cơ bản',
      occupationCode: '7212',
      skillsGranted: ['welding'],
      level: 'short',
      delivery: 'college',
      netTuitionVnd: 0,
      trainingLoan: { eligible: true, maxVndPerMonth: 4_000_000, months: 3, maxTotalVnd: 12_000_000 },
      firstCohort: { startsOn: '2026-03-02', endsOn: '2026-05-24', seats: 20, seatsLeft: 20, status: 'open' },
    });
    const cohort = await h.api().get(`/cohorts/${res.body.firstCohort.id}`).set('Authorization', `Bearer ${h.token('officer')}`);
    expect(cohort.status).toBe(200);
    expect(cohort.body).toMatchObject({ courseId: res.body.id, seats: 20, seatsLeft: 20, location: { provinceCode: '40' } });
  });

  it('when a create is retried with the same Idempotency-Key, then one course and one cohort exist and the reply repeats', async () => {
    const first = await postCourse({ ...SECTION6_COURSE, title: 'Hàn TIG' }, tokenA, 'course-key-1');
    const again = await Promise.all([1, 2, 3].map(() => postCourse({ ...SECTION6_COURSE, title: 'Hàn TIG' }, tokenA, 'course-key-1')));
    expect(again.map((r) => r.status)).toEqual([201, 201, 201]);
    for (const reply of again) expect(reply.body).toEqual(first.body);
    const mine = await h.api().get('/courses?limit=500').set('Authorization', `Bearer ${tokenA}`);
    expect(mine.body.items.filter((c: { title: string }) => c.title === 'Hàn TIG')).toHaveLength(1);
    const cohorts = await h.api().get(`/courses/${first.body.id}/cohorts`).set('Authorization', `Bearer ${tokenA}`);
    expect(cohorts.body.items).toHaveLength(1);
  });

  it('when the cohort ends before it starts, then 400 problem+json naming endsOn', async () => {
    const course = await postCourse({ ...SECTION6_COURSE, startsAt: undefined, seats: undefined });
    const res = await h.api().post(`/courses/${course.body.id}/cohorts`).set('Authorization', `Bearer ${tokenA}`).send({ startsOn: '2026-05-01', endsOn: '2026-04-01', seats: 10 });
    expectFieldProblem(res, 'endsOn');
  });

  it('when seats are negative, then 400 problem+json naming seats', async () => {
    expectFieldProblem(await postCourse({ ...SECTION6_COURSE, seats: -5 }), 'seats');
  });

  it('when the occupation or a skill is not in the reference data, then 400 naming each field', async () => {
    const res = await postCourse({ ...SECTION6_COURSE, occupationCode: '0000', skillsGranted: ['welding', 'juggling-knives'] });
    expectFieldProblem(res, 'occupationCode');
    expect(res.body.errors.map((e: { field: string }) => e.field)).toContain('skillsGranted[1]');
  });

  it('when the body has a field the API does not know or a bad start date, then 400 naming it', async () => {
    expectFieldProblem(await postCourse({ ...SECTION6_COURSE, sentence: '30 months' }), 'sentence');
    expectFieldProblem(await postCourse({ ...SECTION6_COURSE, startsAt: 'next monday' }), 'startsAt');
  });

  it('when a course lasts longer than its level allows or names a commune of another province, then 400 naming the field', async () => {
    expectFieldProblem(await postCourse({ ...SECTION6_COURSE, level: 'short', durationWeeks: 30 }), 'durationWeeks');
    expectFieldProblem(await postCourse({ ...SECTION6_COURSE, provinceCode: '01', communeCode: '16681' }), 'communeCode');
  });

  it('when another college edits a course, then 403; its own college edits it, then the cohort carries the change', async () => {
    const course = await postCourse(SECTION6_COURSE);
    const denied = await h.api().patch(`/courses/${course.body.id}`).set('Authorization', `Bearer ${tokenB}`).send({ tuitionVnd: 1 });
    expect(denied.status).toBe(403);
    const edit = { tuitionVnd: 3_000_000, support: [{ kind: 'tuition-reduced', amountVnd: 1_000_000 }, { kind: 'meal-allowance' }] };
    const res = await h.api().patch(`/courses/${course.body.id}`).set('Authorization', `Bearer ${tokenA}`).send(edit);
    expect(res.status).toBe(200);
    expect(res.body).toMatchObject({ tuitionVnd: 3_000_000, netTuitionVnd: 2_000_000 });
    expect(res.body.support[0].basis).toMatch(/49\/2020/);
    const cohort = await h.api().get(`/cohorts/${course.body.firstCohort.id}`).set('Authorization', `Bearer ${tokenA}`);
    expect(cohort.body).toMatchObject({ seats: 20, status: 'open' });
  });

  it('when an officer or an anonymous caller posts a course, then 403 and 401', async () => {
    expect((await postCourse(SECTION6_COURSE, h.token('officer'))).status).toBe(403);
    expect((await h.api().post('/courses').send(SECTION6_COURSE)).status).toBe(401);
  });

  it('when a college lists courses, then it sees only its own', async () => {
    await postCourse({ ...SECTION6_COURSE, title: 'Điện dân dụng', occupationCode: '7411', skillsGranted: [] }, tokenB);
    const res = await h.api().get('/courses').set('Authorization', `Bearer ${tokenB}`);
    expect(res.body.items.length).toBeGreaterThan(0);
    expect(res.body.items.every((c: { collegeOrgId: string }) => c.collegeOrgId === collegeB)).toBe(true);
  });
});
