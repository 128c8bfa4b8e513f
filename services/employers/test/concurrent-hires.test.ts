import { randomUUID } from 'node:crypto';
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
