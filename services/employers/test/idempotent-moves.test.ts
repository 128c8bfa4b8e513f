import { randomUUID } from 'node:crypto';
import {
  applicationStatusChangedV1,
  type ApplicationStatusChangedV1,
  type EventEnvelope,
  jobUpdatedV1,
  type JobUpdatedV1,
} from '@hoanhap/contracts';
import { EventsError } from '@hoanhap/events';
import { waitFor } from '@hoanhap/testing';
import { createEmployersApp } from '../src/app';
import type { Caller } from '../src/domain/caller';
import { changeApplicationStatus } from '../src/domain/change-application-status.use-case';
import { createApplicationFromReferral } from '../src/domain/create-application.use-case';
import type { EmployersContext } from '../src/domain/employers.context';
import { lockErrorAsBusy } from '@hoanhap/kit';
import { referralTo, SECTION6_JOB } from './support/fixtures';
import { type Harness, startHarness } from './support/employers-harness';

/**
 * PATCH /applications/{id} with an Idempotency-Key: a client that lost the
 * answer to a hire retries with the same key and must get the first answer,
 * never a second hire, a second event, a second opening, or a 500.
 */
let h: Harness;
let received: EventEnvelope[];
const org = `org-${randomUUID()}`;
let employer: string;

beforeAll(async () => {
  h = await startHarness({ kafka: true });
  received = await h.collect!(applicationStatusChangedV1, jobUpdatedV1);
  employer = h.bearer('employer', org);
});
afterAll(() => h.close());

const statusEvents = (applicationId: string, status: string) =>
  (received as EventEnvelope<ApplicationStatusChangedV1>[]).filter(
    (e) => e.type === applicationStatusChangedV1.type && e.payload.applicationId === applicationId && e.payload.status === status,
  );

async function newApplication(openings = 2): Promise<{ jobId: string; applicationId: string }> {
  const job = await h
    .api()
    .post('/jobs')
    .set('Authorization', employer)
    .send({ ...SECTION6_JOB, openings });
  expect(job.status).toBe(201);
  const application = await createApplicationFromReferral(h.employers.ctx, referralTo(job.body.id), { correlationId: 'test' });
  return { jobId: job.body.id, applicationId: application!.id };
}

/** Forgets every reply cached in Redis, as after a lost cache: only what the database holds can answer. */
async function wipeReplyCache(): Promise<void> {
  const redis = h.deps.redis as unknown as { keys(p: string): Promise<string[]>; del(k: string[]): Promise<number> };
  const keys = await redis.keys(`${h.ns.redisPrefix}idem:*`);
  if (keys.length > 0) await redis.del(keys);
}

const HIRE = { status: 'hired', startDate: '2099-02-01', contractType: 'indefinite' } as const;

describe('PATCH /applications/{id} with an Idempotency-Key', () => {
  it('when a hire is retried with the same key after a lost answer, then the first answer comes back (replayed), one hire event reaches Kafka and one opening is filled', async () => {
    const { jobId, applicationId } = await newApplication();
    const key = randomUUID();
    const hire = (app = h.employers.app) =>
      h.api(app).patch(`/applications/${applicationId}`).set('Authorization', employer).set('Idempotency-Key', key).send(HIRE);

    const first = await hire();
    expect(first.status).toBe(200);
    expect(first.body).toMatchObject({ id: applicationId, status: 'hired', startDate: '2099-02-01', contractType: 'indefinite' });
    expect(first.headers['idempotent-replayed']).toBeUndefined();

    // the same instance (its Redis cache answers), then another instance with the cache gone (the database answers)
    const again = await hire();
    await wipeReplyCache();
    const elsewhere = await hire(createEmployersApp(h.deps).app);
    for (const retry of [again, elsewhere]) {
      expect(retry.status).toBe(200);
      expect(retry.headers['idempotent-replayed']).toBe('true');
      expect(retry.body).toEqual(first.body);
    }

    // without the key a repeated hire is a new request: the application is hired already
    const unkeyed = await h.api().patch(`/applications/${applicationId}`).set('Authorization', employer).send(HIRE);
    expect(unkeyed.status).toBe(409);
    expect(unkeyed.body).toMatchObject({ code: 'APPLICATION.TRANSITION_ILLEGAL', from: 'hired' });

    await waitFor('the hired event', () => statusEvents(applicationId, 'hired')[0]);
    await waitFor('the job update', () =>
      (received as EventEnvelope<JobUpdatedV1>[]).find((e) => e.type === jobUpdatedV1.type && e.key === jobId && e.payload.filled === 1),
    );
    await new Promise((r) => setTimeout(r, 1_000));
    expect(statusEvents(applicationId, 'hired')).toHaveLength(1);
    expect((await h.api().get(`/jobs/${jobId}`).set('Authorization', employer)).body).toMatchObject({ openings: 2, filled: 1 });
    expect(await h.employers.ctx.openings.count(jobId)).toBe(1);
  });

  it('when two attempts with the same key race through two instances, then both get the same 200 and the hire happens once', async () => {
    const { jobId, applicationId } = await newApplication();
    const key = randomUUID();
    const instances = [h.employers.app, createEmployersApp(h.deps).app];
    const answers = await Promise.all(
      instances.map((app) =>
        h.api(app).patch(`/applications/${applicationId}`).set('Authorization', employer).set('Idempotency-Key', key).send(HIRE),
      ),
    );
    expect(answers.map((a) => a.status)).toEqual([200, 200]);
    expect(answers[0]!.body).toEqual(answers[1]!.body);
    expect(answers.filter((a) => a.headers['idempotent-replayed'] === 'true')).toHaveLength(1);
    await waitFor('the hired event', () => statusEvents(applicationId, 'hired')[0]);
    await new Promise((r) => setTimeout(r, 1_000));
    expect(statusEvents(applicationId, 'hired')).toHaveLength(1);
    expect(await h.employers.ctx.openings.count(jobId)).toBe(1);
  });

  it('when an earlier move is retried after later ones, then its own first answer comes back and nothing moves back', async () => {
    const { applicationId } = await newApplication();
    const patch = (key: string, body: object) =>
      h.api().patch(`/applications/${applicationId}`).set('Authorization', employer).set('Idempotency-Key', key).send(body);
    const interviewKey = randomUUID();
    const interview = { status: 'interview', interviewAt: '2099-01-05T09:00:00+07:00' };
    const first = await patch(interviewKey, interview);
    expect(first.body.status).toBe('interview');
    expect((await patch(randomUUID(), { status: 'offered' })).body.status).toBe('offered');
    const retried = await patch(interviewKey, interview);
    expect(retried.status).toBe(200);
    expect(retried.body).toEqual(first.body);
    expect((await h.api().get(`/applications/${applicationId}`).set('Authorization', employer)).body.status).toBe('offered');
  });

  it('when a key is reused with another body, then 422 IDEMPOTENCY.KEY_REUSED and nothing changes; the same key on another application is a move of its own; a bad key is 400', async () => {
    const one = await newApplication();
    const two = await newApplication();
    const key: string = randomUUID();
    const patch = (applicationId: string, body: object, k = key) =>
      h.api().patch(`/applications/${applicationId}`).set('Authorization', employer).set('Idempotency-Key', k).send(body);
    expect((await patch(one.applicationId, { status: 'offered' })).status).toBe(200);
    await wipeReplyCache();
    const reused = await patch(one.applicationId, HIRE);
    expect(reused.status).toBe(422);
    expect(reused.body.code).toBe('IDEMPOTENCY.KEY_REUSED');
    expect((await h.api().get(`/applications/${one.applicationId}`).set('Authorization', employer)).body.status).toBe('offered');

    const other = await patch(two.applicationId, HIRE);
    expect(other.status).toBe(200);
    expect(other.body).toMatchObject({ id: two.applicationId, status: 'hired' });

    const bad = await patch(one.applicationId, HIRE, 'a key with spaces');
    expect(bad.status).toBe(400);
    expect(bad.body.code).toBe('IDEMPOTENCY.KEY_INVALID');
  });

  it('when another organisation sends the same key to this application, then 404 as without a key, never the first answer', async () => {
    const { applicationId } = await newApplication();
    const key = randomUUID();
    const send = (auth: string) =>
      h.api().patch(`/applications/${applicationId}`).set('Authorization', auth).set('Idempotency-Key', key).send({ status: 'offered' });
    expect((await send(employer)).status).toBe(200);
    const stranger = await send(h.bearer('employer', `org-${randomUUID()}`));
    expect(stranger.status).toBe(404);
  });
});

describe('a hire whose change outlived its lock (LOCK_EXPIRED: nothing written)', () => {
  const caller: Caller = { userId: randomUUID(), role: 'employer', orgId: org };
  const trace = { correlationId: 'test' };

  /**
   * The use case with an application store whose keyed change claims the opening (runs the use case's own change)
   * and then fails as a change that outlived its lock does — after `meanwhile`, another attempt, has run.
   */
  function outlivingItsLock(meanwhile: (id: string) => Promise<unknown>): EmployersContext {
    const real = h.employers.ctx;
    const applications: EmployersContext['applications'] = {
      ...real.applications,
      updateOnce: async (id, _once, _check, mutate) => {
        await mutate((await real.applications.findById(id))!);
        await meanwhile(id);
        throw lockErrorAsBusy(
          new EventsError('EVENTS.LOCK_EXPIRED', `change of ${id} took too long; nothing was written`, undefined, true),
        );
      },
    };
    return { ...real, applications };
  }

  it('when a retry took the lock meanwhile and hired on the same claim, then the claim stays: one hire, one opening filled', async () => {
    const { jobId, applicationId } = await newApplication();
    // the retry of the same hire: it finds the opening already held by the first attempt's claim and writes the hire
    const retry = (id: string) => changeApplicationStatus(h.employers.ctx, caller, trace, undefined, id, HIRE);
    const first = changeApplicationStatus(outlivingItsLock(retry), caller, trace, undefined, applicationId, HIRE);
    await expect(first).rejects.toMatchObject({ code: 'SERVICE.BUSY', httpStatus: 503 });
    expect((await h.employers.ctx.applications.findById(applicationId))!.status).toBe('hired');
    expect(await h.employers.ctx.openings.count(jobId)).toBe(1);
    expect((await h.api().get(`/jobs/${jobId}`).set('Authorization', employer)).body).toMatchObject({ filled: 1 });
  });

  it('when nothing hired the application, then the opening it claimed goes back', async () => {
    const { jobId, applicationId } = await newApplication();
    const first = changeApplicationStatus(
      outlivingItsLock(async () => undefined),
      caller,
      trace,
      undefined,
      applicationId,
      HIRE,
    );
    await expect(first).rejects.toMatchObject({ code: 'SERVICE.BUSY' });
    expect((await h.employers.ctx.applications.findById(applicationId))!.status).toBe('new');
    expect(await h.employers.ctx.openings.count(jobId)).toBe(0);
  });
});
