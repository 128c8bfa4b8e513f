import { randomUUID } from 'node:crypto';
import { isRead, scanningReads, storeCallsDuring } from '@hoanhap/testing';
import { createEmployersApp } from '../src/app';
import { createApplicationFromReferral } from '../src/domain/create-application.use-case';
import { referralTo, SECTION6_JOB } from './support/fixtures';
import { type Harness, startHarness } from './support/employers-harness';

let h: Harness;
const org = `org-${randomUUID()}`;
let employer: string;

beforeAll(async () => {
  h = await startHarness();
  employer = h.bearer('employer', org);
});
afterAll(() => h.close());

describe('concurrent hires', () => {
  it('when six applications to a 2-opening job are hired at once through two instances, then exactly 2 are hired, 4 get 409 JOB.FULL, and the job is filled', async () => {
    const job = (
      await h
        .api()
        .post('/jobs')
        .set('Authorization', employer)
        .send({ ...SECTION6_JOB, openings: 2 })
    ).body;
    const trace = { correlationId: 'test' };
    const applications = await Promise.all(
      Array.from({ length: 6 }, async () => (await createApplicationFromReferral(h.employers.ctx, referralTo(job.id), trace))!.id),
    );
    // a second instance of the service on the same database and Redis: in-process queues cannot help here
    const instances = [h.employers.app, createEmployersApp(h.deps).app];
    const results = await Promise.all(
      applications.map((id, i) =>
        h
          .api(instances[i % 2])
          .patch(`/applications/${id}`)
          .set('Authorization', employer)
          .send({ status: 'hired', startDate: '2099-03-01' }),
      ),
    );
    const statuses = results.map((r) => r.status).sort();
    expect(statuses).toEqual([200, 200, 409, 409, 409, 409]);
    expect(results.filter((r) => r.status === 409).every((r) => r.body.code === 'JOB.FULL')).toBe(true);
    const after = (await h.api().get(`/jobs/${job.id}`).set('Authorization', employer)).body;
    expect(after).toMatchObject({ openings: 2, filled: 2, status: 'filled' });
    const hired = await h.api().get(`/jobs/${job.id}/applications?status=hired`).set('Authorization', employer);
    expect(hired.body.items).toHaveLength(2);
  });
});

describe("a hire counts the job's hires by _id only (FerretDB 1.x reads every claim of every job for { resource })", () => {
  const trace = { correlationId: 'test' };
  const postJob = async (openings: number) =>
    (
      await h
        .api()
        .post('/jobs')
        .set('Authorization', employer)
        .send({ ...SECTION6_JOB, openings })
    ).body.id as string;
  const applicationTo = async (jobId: string) => (await createApplicationFromReferral(h.employers.ctx, referralTo(jobId), trace))!.id;
  const hire = (id: string, key: string = randomUUID()) =>
    h
      .api()
      .patch(`/applications/${id}`)
      .set('Authorization', employer)
      .set('Idempotency-Key', key)
      .send({ status: 'hired', startDate: '2099-03-01' });
  const jobNow = async (jobId: string) => (await h.api().get(`/jobs/${jobId}`).set('Authorization', employer)).body;

  it('when an application is hired, then opening claims are read by _id alone, and the job counts the hire', async () => {
    const jobId = await postJob(3);
    const id = await applicationTo(jobId);
    const { result, calls } = await storeCallsDuring(h.connection, ['opening_claims'], () => hire(id, 'hire-once'));
    expect(result.status).toBe(200);
    const reads = calls.filter(isRead);
    expect(reads.length).toBeGreaterThan(0);
    expect(scanningReads(reads)).toEqual([]);
    expect(await jobNow(jobId)).toMatchObject({ openings: 3, filled: 1, status: 'open' });
    // the same hire retried with its key (the count is brought in line again) counts once
    const retried = await hire(id, 'hire-once');
    expect([retried.status, retried.headers['idempotent-replayed']]).toEqual([200, 'true']);
    expect((await jobNow(jobId)).filled).toBe(1);
  });

  it('when Redis lost the job’s tally (or the job was hired into before tallies), then the next hire rebuilds it from the claims and counts both', async () => {
    const jobId = await postJob(2);
    const [first, second] = [await applicationTo(jobId), await applicationTo(jobId)];
    expect((await hire(first!)).status).toBe(200);
    await h.redis.del(`${h.ns.redisPrefix}slots:job:${jobId}`);

    expect((await hire(second!)).status).toBe(200);
    expect(await jobNow(jobId)).toMatchObject({ openings: 2, filled: 2, status: 'filled' });
  });
});
