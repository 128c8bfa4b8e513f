import { randomUUID } from 'node:crypto';
import { isRead, storeCallsDuring } from '@hoanhap/testing';
import { createApplicationFromReferral } from '../src/domain/create-application.use-case';
import { recordProfile } from '../src/domain/record-profile.use-case';
import { profileOf, referralTo, SECTION6_JOB } from './support/fixtures';
import { type Harness, startHarness } from './support/employers-harness';

let h: Harness;
const org = `org-${randomUUID()}`;
let employer: string;
let officer: string;
const trace = { correlationId: 'test' };

beforeAll(async () => {
  h = await startHarness();
  employer = h.bearer('employer', org);
  officer = h.bearer('officer', 'police-org');
});
afterAll(() => h.close());

async function applicationTo(jobId: string): Promise<string> {
  return (await createApplicationFromReferral(h.employers.ctx, referralTo(jobId), trace))!.id;
}
const patch = (id: string, body: object) => h.api().patch(`/applications/${id}`).set('Authorization', employer).send(body);
const checkIn = (id: string, body: object, auth = employer, key?: string) => {
  const req = h.api().post(`/applications/${id}/check-ins`).set('Authorization', auth);
  if (key) req.set('Idempotency-Key', key);
  return req.send(body);
};

describe('check-ins and the dashboard', () => {
  it('when hires are checked at 3 and 6 months, then the dashboard shows open jobs, stages, hires and retention', async () => {
    const job = (
      await h
        .api()
        .post('/jobs')
        .set('Authorization', employer)
        .send({ ...SECTION6_JOB, openings: 5 })
    ).body;
    await h
      .api()
      .post('/jobs')
      .set('Authorization', employer)
      .send({ ...SECTION6_JOB, status: 'draft' });
    const [a, b, c, d] = await Promise.all([1, 2, 3, 4].map(() => applicationTo(job.id)));
    await patch(a!, { status: 'hired', startDate: '2099-01-01' });
    await patch(b!, { status: 'hired', startDate: '2099-01-01' });
    await patch(c!, { status: 'interview', interviewAt: '2099-01-02T08:00:00+07:00' });
    expect(d).toBeDefined();

    expect((await checkIn(a!, { monthsAfterHire: 3, stillEmployed: true })).status).toBe(201);
    expect((await checkIn(b!, { monthsAfterHire: 3, stillEmployed: false }, officer)).status).toBe(201);
    expect((await checkIn(a!, { monthsAfterHire: 6, stillEmployed: true, on: '2099-07-01' })).status).toBe(201);

    // one read per collection: each count would decode a whole collection on FerretDB 1.x
    const { result: dashboard, calls } = await storeCallsDuring(h.connection, ['jobs', 'applications', 'check_ins'], () =>
      h.api().get('/dashboard').set('Authorization', employer),
    );
    expect(dashboard.status).toBe(200);
    expect(
      calls
        .filter(isRead)
        .map((c) => c.collection)
        .sort(),
    ).toEqual(['applications', 'check_ins', 'jobs']);
    expect(dashboard.body).toEqual({
      openJobs: 1,
      openings: 3,
      candidatesByStage: { new: 1, interview: 1, offered: 0, hired: 2, declined: 0, withdrawn: 0 },
      hires: 2,
      retention: {
        month3: { checked: 2, stillEmployed: 1, rate: 0.5 },
        month6: { checked: 1, stillEmployed: 1, rate: 1 },
        month12: { checked: 0, stillEmployed: 0, rate: null },
      },
    });
  });

  it('when a milestone is recorded twice, then 409; with the same Idempotency-Key, the first reply; before a hire, 409', async () => {
    const job = (await h.api().post('/jobs').set('Authorization', employer).send(SECTION6_JOB)).body;
    const [hired, fresh] = await Promise.all([applicationTo(job.id), applicationTo(job.id)]);
    await patch(hired, { status: 'hired' });
    const key = randomUUID();
    const first = await checkIn(hired, { monthsAfterHire: 12, stillEmployed: true }, employer, key);
    const retry = await checkIn(hired, { monthsAfterHire: 12, stillEmployed: true }, employer, key);
    expect(retry.status).toBe(201);
    expect(retry.body).toEqual(first.body);
    const again = await checkIn(hired, { monthsAfterHire: 12, stillEmployed: false });
    expect(again.status).toBe(409);
    expect(again.body.code).toBe('CHECK_IN.ALREADY_RECORDED');
    const early = await checkIn(fresh, { monthsAfterHire: 3, stillEmployed: true });
    expect(early.status).toBe(409);
    expect(early.body.code).toBe('APPLICATION.NOT_HIRED');
    expect((await checkIn(hired, { monthsAfterHire: 4, stillEmployed: true })).status).toBe(400);
  });

  it('when another employer checks in on this hire or reads the dashboard, then 404, and its own dashboard is empty', async () => {
    const job = (await h.api().post('/jobs').set('Authorization', employer).send(SECTION6_JOB)).body;
    const id = await applicationTo(job.id);
    await patch(id, { status: 'hired' });
    const other = h.bearer('employer', `org-${randomUUID()}`);
    expect((await checkIn(id, { monthsAfterHire: 3, stillEmployed: true }, other)).status).toBe(404);
    const theirs = await h.api().get('/dashboard').set('Authorization', other);
    expect(theirs.body).toMatchObject({ openJobs: 0, hires: 0 });
    expect((await h.api().get('/dashboard').set('Authorization', officer)).status).toBe(403);
  });
});

describe('POST /invitations', () => {
  it('when the returnee is not known yet, then 409 RETURNEE.NOT_YET_KNOWN with Retry-After; not discoverable, 404; known, 201 once', async () => {
    const job = (await h.api().post('/jobs').set('Authorization', employer).send(SECTION6_JOB)).body;
    const invite = (returneeId: string, key?: string) => {
      const req = h.api().post('/invitations').set('Authorization', employer);
      if (key) req.set('Idempotency-Key', key);
      return req.send({ jobId: job.id, returneeId, message: 'Chúng tôi cần thợ hàn' });
    };
    const returneeId = randomUUID();
    const unknown = await invite(returneeId);
    expect(unknown.status).toBe(409);
    expect(unknown.body.code).toBe('RETURNEE.NOT_YET_KNOWN');
    expect(unknown.headers['retry-after']).toBeDefined();

    const hiddenId = randomUUID();
    await recordProfile(h.employers.ctx, profileOf(hiddenId, 1, true, false));
    expect((await invite(hiddenId)).status).toBe(404);

    await recordProfile(h.employers.ctx, profileOf(returneeId, 1));
    const key = randomUUID();
    const created = await invite(returneeId, key);
    expect(created.status).toBe(201);
    expect(created.body).toMatchObject({ jobId: job.id, returneeId, employerOrgId: org, status: 'requested' });
    expect((await invite(returneeId, key)).body).toEqual(created.body);
    const twice = await invite(returneeId);
    expect(twice.status).toBe(409);
    expect(twice.body).toMatchObject({ code: 'INVITATION.ALREADY_REQUESTED', existingId: created.body.id });
    const listed = await h.api().get('/invitations').set('Authorization', employer);
    expect(listed.body.items.map((i: { id: string }) => i.id)).toEqual([created.body.id]);
  });

  it("when an employer invites to another employer's job, then 404", async () => {
    const job = (await h.api().post('/jobs').set('Authorization', employer).send(SECTION6_JOB)).body;
    const returneeId = randomUUID();
    await recordProfile(h.employers.ctx, profileOf(returneeId, 1));
    const other = h.bearer('employer', `org-${randomUUID()}`);
    expect((await h.api().post('/invitations').set('Authorization', other).send({ jobId: job.id, returneeId })).status).toBe(404);
  });
});
