import { randomUUID } from 'node:crypto';
import { addDays, today } from '../src/domain/dates';
import { type Harness, SECTION6_COURSE, startHarness } from './support/colleges-harness';
import { auth, knownReturnees, prisonCohort } from './support/fixtures';

let h: Harness;
const collegeA = randomUUID();
let tokenA: string;
let tokenB: string;
let officer: string;

beforeAll(async () => {
  h = await startHarness();
  tokenA = h.token('college', collegeA);
  tokenB = h.token('college', randomUUID());
  officer = h.token('officer');
});
afterAll(() => h.close());

/** A prison cohort that started ten days ago with `seats`, and the roster of `people` placed in it. */
async function rosterCohort(seats: number, people: number) {
  const { courseId, cohortId } = await prisonCohort(h, tokenA, seats);
  await h.api().patch(`/cohorts/${cohortId}`).set(auth(tokenA)).send({ startsOn: addDays(today(), -10), endsOn: addDays(today(), 60) });
  const ids = await knownReturnees(h, people);
  const roster = await h.api().post(`/cohorts/${cohortId}/roster`).set(auth(officer)).send({ returneeIds: ids });
  return { courseId, cohortId, entries: roster.body.items as { enrolmentId: string; status: string; returneeId: string }[] };
}

describe('enrolments belong to their college', () => {
  it('when another college reads or changes an enrolment or a course’s enrolments, then 404', async () => {
    const { courseId, entries } = await rosterCohort(2, 1);
    const id = entries[0]!.enrolmentId;
    expect((await h.api().get(`/enrollments/${id}`).set(auth(tokenB))).status).toBe(404);
    expect((await h.api().patch(`/enrollments/${id}`).set(auth(tokenB)).send({ status: 'dropped' })).status).toBe(404);
    expect((await h.api().get(`/courses/${courseId}/enrollments`).set(auth(tokenB))).status).toBe(404);
    expect((await h.api().post(`/enrollments/${id}/attendance`).set(auth(tokenB)).send({ date: today(), present: true })).status).toBe(404);
    const own = await h.api().get(`/courses/${courseId}/enrollments`).set(auth(tokenA));
    expect(own.body.items).toHaveLength(1);
    expect(own.body.items[0].returnee).toMatchObject({ consented: true, givenName: 'An0', skills: ['masonry'] });
    expect((await h.api().get(`/enrollments/${id}`).set(auth(officer))).status).toBe(403);
  });
});

describe('the enrolment transition table', () => {
  it('when a change skips the table or lacks its field, then 409 listing what is allowed or 400 naming the field', async () => {
    const { entries } = await rosterCohort(1, 2);
    const [enrolled, waitlisted] = entries.map((e) => e.enrolmentId);
    const noReason = await h.api().patch(`/enrollments/${waitlisted}`).set(auth(tokenA)).send({ status: 'declined' });
    expect(noReason.status).toBe(400);
    expect(noReason.body.errors[0].field).toBe('reason');
    const noResult = await h.api().patch(`/enrollments/${enrolled}`).set(auth(tokenA)).send({ status: 'completed' });
    expect(noResult.body.errors[0].field).toBe('result');
    const skip = await h.api().patch(`/enrollments/${enrolled}`).set(auth(tokenA)).send({ status: 'declined', reason: 'x' });
    expect(skip.status).toBe(409);
    expect(skip.body).toMatchObject({ code: 'ENROLMENT.TRANSITION_NOT_ALLOWED', allowed: ['completed', 'dropped'] });
    const full = await h.api().patch(`/enrollments/${waitlisted}`).set(auth(tokenA)).send({ status: 'enrolled' });
    expect(full.status).toBe(409);
    expect(full.body.code).toBe('COHORT.FULL');
    const declined = await h.api().patch(`/enrollments/${waitlisted}`).set(auth(tokenA)).send({ status: 'declined', reason: 'không đủ điều kiện sức khoẻ' });
    expect(declined.body).toMatchObject({ status: 'declined', reason: 'không đủ điều kiện sức khoẻ' });
    const again = await h.api().patch(`/enrollments/${waitlisted}`).set(auth(tokenA)).send({ status: 'enrolled' });
    expect(again.body).toMatchObject({ code: 'ENROLMENT.TRANSITION_NOT_ALLOWED', allowed: [] });
  });
});

describe('attendance', () => {
  it('when a day is recorded twice, then the second replaces the first; days outside the cohort or to come are refused naming date', async () => {
    const { entries } = await rosterCohort(1, 2);
    const id = entries[0]!.enrolmentId;
    const day = addDays(today(), -3);
    expect((await h.api().post(`/enrollments/${id}/attendance`).set(auth(tokenA)).send({ date: day, present: false })).status).toBe(201);
    expect((await h.api().post(`/enrollments/${id}/attendance`).set(auth(tokenA)).send({ date: day, present: true })).status).toBe(201);
    await h.api().post(`/enrollments/${id}/attendance`).set(auth(tokenA)).send({ date: addDays(today(), -2), present: false });
    const list = await h.api().get(`/enrollments/${id}/attendance`).set(auth(tokenA));
    expect(list.body).toMatchObject({ daysPresent: 1, daysAbsent: 1, items: [{ date: day, present: true }, { present: false }] });
    for (const date of [addDays(today(), -30), addDays(today(), 1)]) {
      const res = await h.api().post(`/enrollments/${id}/attendance`).set(auth(tokenA)).send({ date, present: true });
      expect(res.status).toBe(400);
      expect(res.body.errors[0].field).toBe('date');
    }
    const waiting = await h.api().post(`/enrollments/${entries[1]!.enrolmentId}/attendance`).set(auth(tokenA)).send({ date: day, present: true });
    expect(waiting.body.code).toBe('ENROLMENT.NOT_ACTIVE');
  });
});

describe('rosters and cohort statuses', () => {
  it('when a roster names people colleges has not heard of, then 409 RETURNEE.NOT_YET_KNOWN with Retry-After; a college course takes no roster', async () => {
    const { cohortId } = await prisonCohort(h, tokenA, 3);
    const unknown = randomUUID();
    const res = await h.api().post(`/cohorts/${cohortId}/roster`).set(auth(officer)).send({ returneeIds: [...(await knownReturnees(h, 1)), unknown] });
    expect(res.status).toBe(409);
    expect(res.headers['retry-after']).toBe('2');
    expect(res.body).toMatchObject({ code: 'RETURNEE.NOT_YET_KNOWN', unknownIds: [unknown] });
    const campus = await h.api().post('/courses').set(auth(tokenA)).send(SECTION6_COURSE);
    const refused = await h.api().post(`/cohorts/${campus.body.firstCohort.id}/roster`).set(auth(officer)).send({ returneeIds: await knownReturnees(h, 1) });
    expect(refused.body.code).toBe('COHORT.NOT_PRISON_DELIVERY');
  });

  it('when a planned cohort opens, then its roster gets seats in order; when it is cancelled, then everyone still in it is declined', async () => {
    const { courseId } = await prisonCohort(h, tokenA, 1);
    const planned = await h.api().post(`/courses/${courseId}/cohorts`).set(auth(tokenA)).send({ startsOn: addDays(today(), 30), seats: 2, status: 'planned' });
    expect(planned.body).toMatchObject({ status: 'planned', endsOn: addDays(today(), 30 + 83) });
    const people = await knownReturnees(h, 3);
    const roster = await h.api().post(`/cohorts/${planned.body.id}/roster`).set(auth(officer)).send({ returneeIds: people });
    expect(roster.body.items.map((i: { status: string }) => i.status)).toEqual(['new', 'new', 'new']);
    const opened = await h.api().patch(`/cohorts/${planned.body.id}`).set(auth(tokenA)).send({ status: 'open' });
    expect(opened.body).toMatchObject({ status: 'open', seatsLeft: 0 });
    const statuses = await Promise.all(roster.body.items.map(async (i: { enrolmentId: string }) => (await h.api().get(`/enrollments/${i.enrolmentId}`).set(auth(tokenA))).body.status));
    expect(statuses).toEqual(['enrolled', 'enrolled', 'waitlisted']);

    expect((await h.api().patch(`/cohorts/${planned.body.id}`).set(auth(tokenA)).send({ status: 'finished' })).status).toBe(409);
    await h.api().patch(`/cohorts/${planned.body.id}`).set(auth(tokenA)).send({ status: 'cancelled' });
    const after = await h.api().get(`/courses/${courseId}/enrollments?cohortId=${planned.body.id}`).set(auth(tokenA));
    expect(after.body.items.map((e: { status: string; reason: string }) => [e.status, e.reason])).toEqual(Array(3).fill(['declined', 'cohort-cancelled']));
    expect(await h.colleges.ctx.seats.taken(planned.body.id)).toBe(0);
  });
});
