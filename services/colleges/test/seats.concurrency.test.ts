import { randomUUID } from 'node:crypto';
import request from 'supertest';
import { createVerifier } from '@hoanhap/auth';
import { createLogger } from '@hoanhap/kit';
import { isRead, scanningReads, storeCallsDuring } from '@hoanhap/testing';
import { createCollegesApp } from '../src/app';
import { type Harness, SETTINGS, startHarness } from './support/colleges-harness';
import { auth, knownReturnees, prisonCohort } from './support/fixtures';

let h: Harness;
const college = randomUUID();
let collegeToken: string;
let officerToken: string;

beforeAll(async () => {
  h = await startHarness();
  collegeToken = h.token('college', college);
  officerToken = h.token('officer');
});
afterAll(() => h.close());

/** A second instance of the service on the same database: its in-process queues know nothing of the first's. */
function secondInstance() {
  const verify = createVerifier({ issuer: h.issuer.issuer, audience: h.issuer.audience, keys: h.issuer.keySource() });
  const logger = createLogger({ name: 'colleges-b', level: 'silent' });
  return createCollegesApp({ connection: h.connection, redis: h.redis, redisPrefix: h.ns.redisPrefix, verify, settings: SETTINGS, logger });
}

async function enrolmentsOf(cohortId: string) {
  const all = await h.colleges.ctx.enrolments.inStatuses(cohortId, ['enrolled', 'waitlisted', 'new']);
  return {
    enrolled: all.filter((e) => e.status === 'enrolled'),
    waitlisted: all.filter((e) => e.status === 'waitlisted'),
    pending: all.filter((e) => e.status === 'new'),
  };
}

describe('seats are never oversold (slot claims on FerretDB, whose updates are not atomic)', () => {
  it('when 50 roster calls race for a 20-seat cohort over two service instances, then exactly 20 are enrolled and 30 waitlisted with their places in line', async () => {
    const { courseId, cohortId } = await prisonCohort(h, collegeToken, 20);
    const people = await knownReturnees(h, 50);
    const other = secondInstance();
    const replies = await Promise.all(
      people.map((returneeId, i) =>
        request(i % 2 === 0 ? h.colleges.app : other.app)
          .post(`/cohorts/${cohortId}/roster`)
          .set(auth(officerToken))
          .send({ returneeIds: [returneeId] }),
      ),
    );
    await other.drain();
    expect(replies.map((r) => r.status)).toEqual(Array(50).fill(200));
    const statuses = replies.map((r) => r.body.items[0].status);
    expect(statuses.filter((s) => s === 'enrolled')).toHaveLength(20);
    expect(statuses.filter((s) => s === 'waitlisted')).toHaveLength(30);

    const stored = await enrolmentsOf(cohortId);
    expect(stored.enrolled).toHaveLength(20);
    expect(stored.waitlisted).toHaveLength(30);
    expect(stored.pending).toHaveLength(0);
    expect(await h.colleges.ctx.seats.taken(cohortId)).toBe(20);

    const cohort = await request(h.colleges.app).get(`/cohorts/${cohortId}`).set(auth(collegeToken));
    expect(cohort.body).toMatchObject({ seats: 20, seatsLeft: 0 });
    const waiting = await request(h.colleges.app)
      .get(`/courses/${courseId}/enrollments?status=waitlisted&limit=100`)
      .set(auth(collegeToken));
    expect(waiting.body.items).toHaveLength(30);
    const first = await request(h.colleges.app).get(`/enrollments/${waiting.body.items[0].id}`).set(auth(collegeToken));
    expect(first.body).toMatchObject({ status: 'waitlisted', waitlistPosition: expect.any(Number), returnee: { consented: true } });
  });

  it('when an enrolled person drops out, then the first waitlisted person takes the seat', async () => {
    const { cohortId } = await prisonCohort(h, collegeToken, 2);
    const people = await knownReturnees(h, 4);
    const roster = await request(h.colleges.app).post(`/cohorts/${cohortId}/roster`).set(auth(officerToken)).send({ returneeIds: people });
    expect(roster.body.items.map((i: { status: string }) => i.status)).toEqual(['enrolled', 'enrolled', 'waitlisted', 'waitlisted']);

    const drop = await request(h.colleges.app)
      .patch(`/enrollments/${roster.body.items[0].enrolmentId}`)
      .set(auth(collegeToken))
      .send({ status: 'dropped', reason: 'moved away' });
    expect(drop.status).toBe(200);
    const promoted = await request(h.colleges.app).get(`/enrollments/${roster.body.items[2].enrolmentId}`).set(auth(collegeToken));
    expect(promoted.body.status).toBe('enrolled');
    const still = await request(h.colleges.app).get(`/enrollments/${roster.body.items[3].enrolmentId}`).set(auth(collegeToken));
    expect(still.body).toMatchObject({ status: 'waitlisted', waitlistPosition: 1 });
    expect(await h.colleges.ctx.seats.taken(cohortId)).toBe(2);
  });

  it('when seats go below those taken, then 409 naming seats; when seats grow, then the waiting list moves up', async () => {
    const { cohortId } = await prisonCohort(h, collegeToken, 3);
    const people = await knownReturnees(h, 5);
    await request(h.colleges.app).post(`/cohorts/${cohortId}/roster`).set(auth(officerToken)).send({ returneeIds: people });
    const shrink = await request(h.colleges.app).patch(`/cohorts/${cohortId}`).set(auth(collegeToken)).send({ seats: 2 });
    expect(shrink.status).toBe(409);
    expect(shrink.body).toMatchObject({ code: 'COHORT.SEATS_TAKEN', errors: [{ field: 'seats' }] });
    const grow = await request(h.colleges.app).patch(`/cohorts/${cohortId}`).set(auth(collegeToken)).send({ seats: 4 });
    expect(grow.body).toMatchObject({ seats: 4, seatsLeft: 0 });
    const stored = await enrolmentsOf(cohortId);
    expect(stored.enrolled).toHaveLength(4);
    expect(stored.waitlisted).toHaveLength(1);
  });

  it('when seats shrink while people enrol concurrently, then the seats taken never exceed the seats offered', async () => {
    const { cohortId } = await prisonCohort(h, collegeToken, 10);
    const people = await knownReturnees(h, 12);
    const [shrink, ...replies] = await Promise.all([
      request(h.colleges.app).patch(`/cohorts/${cohortId}`).set(auth(collegeToken)).send({ seats: 6 }),
      ...people.map((id) =>
        request(h.colleges.app)
          .post(`/cohorts/${cohortId}/roster`)
          .set(auth(officerToken))
          .send({ returneeIds: [id] }),
      ),
    ]);
    const seats = shrink!.status === 200 ? 6 : 10;
    const enrolled = replies.filter((r) => r.body.items[0].status === 'enrolled').length;
    expect(enrolled).toBeLessThanOrEqual(seats);
    expect((await enrolmentsOf(cohortId)).enrolled.length).toBeLessThanOrEqual(seats);
  });
});

/** What `work` read from `collection`: each filter of a find, count or aggregate. */
async function readsOf<T>(collection: string, work: () => Promise<T>) {
  const { result, calls } = await storeCallsDuring(h.connection, [collection], work);
  return { result, reads: calls.filter(isRead) };
}

describe('seats taken are counted by _id (FerretDB 1.x decodes every seat claim of every cohort for { resource })', () => {
  const claimReads = <T>(work: () => Promise<T>) => readsOf('seat_claims', work);

  it('when people enrol and one drops out, then the claims are read by _id alone and the seats left follow', async () => {
    const { cohortId } = await prisonCohort(h, collegeToken, 5);
    const people = await knownReturnees(h, 3);
    const { result, reads } = await claimReads(() =>
      request(h.colleges.app).post(`/cohorts/${cohortId}/roster`).set(auth(officerToken)).send({ returneeIds: people }),
    );
    expect(result.status).toBe(200);
    expect(reads.length).toBeGreaterThan(0);
    expect(scanningReads(reads)).toEqual([]);
    expect((await request(h.colleges.app).get(`/cohorts/${cohortId}`).set(auth(collegeToken))).body.seatsLeft).toBe(2);

    const dropped = await claimReads(() =>
      request(h.colleges.app)
        .patch(`/enrollments/${result.body.items[0].enrolmentId}`)
        .set(auth(collegeToken))
        .send({ status: 'dropped', reason: 'moved' }),
    );
    expect(dropped.result.status).toBe(200);
    expect(scanningReads(dropped.reads)).toEqual([]);
    expect((await request(h.colleges.app).get(`/cohorts/${cohortId}`).set(auth(collegeToken))).body.seatsLeft).toBe(3);
  });

  it('when Redis lost the cohort’s tally, then the next count rebuilds it from the claims and finds the same seats', async () => {
    const { cohortId } = await prisonCohort(h, collegeToken, 4);
    await request(h.colleges.app)
      .post(`/cohorts/${cohortId}/roster`)
      .set(auth(officerToken))
      .send({ returneeIds: await knownReturnees(h, 3) });
    expect(await h.colleges.ctx.seats.taken(cohortId)).toBe(3);
    await h.redis.del(`${h.ns.redisPrefix}slots:cohort:${cohortId}`);
    expect(await h.colleges.ctx.seats.taken(cohortId)).toBe(3);
    expect((await request(h.colleges.app).get(`/cohorts/${cohortId}`).set(auth(collegeToken))).body.seatsLeft).toBe(1);
  });
});

describe('the waiting list is read by _id (FerretDB 1.x decodes every enrolment of every cohort for { cohortId, status })', () => {
  const enrolmentReads = <T>(work: () => Promise<T>) => readsOf('enrolments', work);
  const statusOf = async (id: string) => (await request(h.colleges.app).get(`/enrollments/${id}`).set(auth(collegeToken))).body.status;

  it('when the enrolled person drops out, then the first of the waiting list takes the seat, and enrolments were read by _id alone', async () => {
    const { cohortId } = await prisonCohort(h, collegeToken, 1);
    const people = await knownReturnees(h, 3);
    const ids: string[] = [];
    // one at a time, so that the waiting list has an order
    for (const person of people) {
      const reply = await request(h.colleges.app)
        .post(`/cohorts/${cohortId}/roster`)
        .set(auth(officerToken))
        .send({ returneeIds: [person] });
      ids.push(reply.body.items[0].enrolmentId);
    }
    expect(await Promise.all(ids.map(statusOf))).toEqual(['enrolled', 'waitlisted', 'waitlisted']);
    const position = async (id: string) =>
      (await request(h.colleges.app).get(`/enrollments/${id}`).set(auth(collegeToken))).body.waitlistPosition;
    expect(await enrolmentReads(async () => [await position(ids[1]!), await position(ids[2]!)])).toMatchObject({ result: [1, 2] });

    const { result, reads } = await enrolmentReads(() =>
      request(h.colleges.app).patch(`/enrollments/${ids[0]}`).set(auth(collegeToken)).send({ status: 'dropped', reason: 'moved away' }),
    );
    expect(result.status).toBe(200);
    expect(reads.length).toBeGreaterThan(0);
    expect(scanningReads(reads)).toEqual([]);
    expect(await Promise.all(ids.map(statusOf))).toEqual(['dropped', 'enrolled', 'waitlisted']);
    // the one still waiting is now first, counted through the list too
    const { result: now, reads: positionReads } = await enrolmentReads(() => position(ids[2]!));
    expect(now).toBe(1);
    expect(scanningReads(positionReads)).toEqual([]);
  });

  it('when Redis lost a waiting list, then the next settle rebuilds it from the enrolments and promotes in the same order', async () => {
    const { cohortId } = await prisonCohort(h, collegeToken, 1);
    const ids: string[] = [];
    for (const person of await knownReturnees(h, 3)) {
      const reply = await request(h.colleges.app)
        .post(`/cohorts/${cohortId}/roster`)
        .set(auth(officerToken))
        .send({ returneeIds: [person] });
      ids.push(reply.body.items[0].enrolmentId);
    }
    await h.redis.del(`${h.ns.redisPrefix}waitlist:${cohortId}`);
    await request(h.colleges.app).patch(`/enrollments/${ids[0]}`).set(auth(collegeToken)).send({ status: 'dropped', reason: 'moved away' });
    expect(await Promise.all(ids.map(statusOf))).toEqual(['dropped', 'enrolled', 'waitlisted']);
  });
});
