import { randomUUID } from 'node:crypto';
import { cohortPublishedV1, enrolmentStatusChangedV1, profilePublishedV1, referralCreatedV1, referralWithdrawnV1 } from '@hoanhap/contracts';
import { waitFor } from '@hoanhap/testing';
import { referralEnrolmentId } from '../src/domain/receive-referral.use-case';
import { profileOf, referralTo, withdrawalOf } from './support/cases-events';
import { type Harness, SECTION6_COURSE, startHarness } from './support/colleges-harness';
import { auth } from './support/fixtures';
import { type KafkaHarness, startKafka } from './support/kafka-harness';

let h: Harness;
let k: KafkaHarness;
const college = randomUUID();
let collegeToken: string;

beforeAll(async () => {
  h = await startHarness();
  k = await startKafka(h);
  collegeToken = h.token('college', college);
});
afterAll(async () => {
  await k.stop();
  await h.close();
});

async function openCohort(seats: number) {
  const res = await h.api().post('/courses').set(auth(collegeToken)).send({ ...SECTION6_COURSE, seats });
  return { courseId: res.body.id as string, cohortId: res.body.firstCohort.id as string };
}
const statusEvents = (filter: (p: { referralId?: string; cohortId: string }) => boolean) =>
  k.received.get(enrolmentStatusChangedV1.topic)!.map((e) => e.payload as { referralId?: string; cohortId: string; status: string; reason?: string }).filter(filter);
const enrolmentStatus = async (referralId: string) =>
  (await h.api().get(`/enrollments/${referralEnrolmentId(referralId)}`).set(auth(collegeToken))).body.status as string | undefined;

describe('enrolments from cases referral events on the real Kafka', () => {
  it('when 50 cases.referral.created.v1 events for a 20-seat cohort arrive, then 20 are enrolled, 30 waitlisted, and cases hears each status', async () => {
    const { courseId, cohortId } = await openCohort(20);
    const referrals = Array.from({ length: 50 }, () => referralTo(cohortId));
    await Promise.all(referrals.map((r) => k.publish(referralCreatedV1, r, r.referralId)));

    const answers = await waitFor('50 enrolment answers on Kafka', () => {
      const seen = statusEvents((p) => p.cohortId === cohortId);
      return seen.length >= 50 && seen;
    }, 60_000);
    expect(answers.filter((p) => p.status === 'enrolled')).toHaveLength(20);
    expect(answers.filter((p) => p.status === 'waitlisted')).toHaveLength(30);
    expect(new Set(answers.map((p) => p.referralId))).toEqual(new Set(referrals.map((r) => r.referralId)));

    const listed = await h.api().get(`/courses/${courseId}/enrollments?limit=100`).set(auth(collegeToken));
    expect(listed.body.items.filter((e: { status: string }) => e.status === 'enrolled')).toHaveLength(20);
    expect(listed.body.items.filter((e: { status: string }) => e.status === 'waitlisted')).toHaveLength(30);
    expect(await h.colleges.ctx.seats.taken(cohortId)).toBe(20);
    const full = await waitFor('the cohort published full', () =>
      k.received.get(cohortPublishedV1.topic)!.find((e) => (e.payload as { cohortId: string; seatsLeft: number }).cohortId === cohortId && (e.payload as { seatsLeft: number }).seatsLeft === 0),
    );
    expect(full.payload).toMatchObject({ seats: 20, seatsLeft: 0, status: 'open', skillsGranted: ['welding'] });
  });

  it('when an enrolled person’s referral is withdrawn, then the enrolment is withdrawn and the first waitlisted person is enrolled', async () => {
    const { cohortId } = await openCohort(1);
    const [first, second] = [referralTo(cohortId), referralTo(cohortId)];
    await k.publish(referralCreatedV1, first, first.referralId);
    await waitFor('the first enrolled', async () => (await enrolmentStatus(first.referralId)) === 'enrolled');
    await k.publish(referralCreatedV1, second, second.referralId);
    await waitFor('the second waitlisted', async () => (await enrolmentStatus(second.referralId)) === 'waitlisted');

    await k.publish(referralWithdrawnV1, withdrawalOf(first, 'consent-revoked'), first.referralId);
    await waitFor('the second promoted', async () => (await enrolmentStatus(second.referralId)) === 'enrolled');
    expect(await enrolmentStatus(first.referralId)).toBe('withdrawn');
    await waitFor('cases told of the withdrawal and the promotion', () => {
      const firsts = statusEvents((p) => p.referralId === first.referralId).map((p) => p.status);
      const seconds = statusEvents((p) => p.referralId === second.referralId).map((p) => p.status);
      return firsts.includes('withdrawn') && seconds.includes('enrolled');
    });
  });

  it('when a withdrawal overtakes its referral, then the late referral enrols nobody', async () => {
    const { cohortId } = await openCohort(5);
    const referral = referralTo(cohortId);
    await k.publish(referralWithdrawnV1, withdrawalOf(referral), referral.referralId);
    await waitFor('the withdrawal recorded', async () => (await enrolmentStatus(referral.referralId)) === 'withdrawn');
    await k.publish(referralCreatedV1, referral, referral.referralId);
    const marker = referralTo(cohortId);
    await k.publish(referralCreatedV1, marker, marker.referralId);
    await waitFor('a later referral handled', async () => (await enrolmentStatus(marker.referralId)) === 'enrolled');
    expect(await enrolmentStatus(referral.referralId)).toBe('withdrawn');
    expect(await h.colleges.ctx.seats.taken(cohortId)).toBe(1);
  });

  it('when the same referral is delivered twice, then one enrolment holds one seat and cases hears one answer', async () => {
    const { cohortId } = await openCohort(3);
    const referral = referralTo(cohortId);
    await k.publish(referralCreatedV1, referral, referral.referralId);
    await k.publish(referralCreatedV1, referral, referral.referralId);
    // same key, same partition: once the marker is handled, so is the second delivery before it
    const marker = referralTo(cohortId);
    await k.publish(referralCreatedV1, marker, referral.referralId);
    await waitFor('both referrals handled', async () => (await enrolmentStatus(marker.referralId)) === 'enrolled');
    expect(await enrolmentStatus(referral.referralId)).toBe('enrolled');
    expect(await h.colleges.ctx.seats.taken(cohortId)).toBe(2);
    expect(statusEvents((p) => p.referralId === referral.referralId)).toHaveLength(1);
  });

  it('when a referral names a cohort colleges never had, then cases hears declined with reason cohort-unknown', async () => {
    const referral = referralTo(randomUUID());
    await k.publish(referralCreatedV1, referral, referral.referralId);
    const answer = await waitFor('the answer', () => statusEvents((p) => p.referralId === referral.referralId)[0]);
    expect(answer).toMatchObject({ status: 'declined', reason: 'cohort-unknown' });
  });

  it('when a profile is published, then the college sees only the given name and skills; when consent is revoked, not even those', async () => {
    const { cohortId } = await openCohort(5);
    const referral = referralTo(cohortId);
    await k.publish(profilePublishedV1, profileOf(referral.returneeId, 1, 'An'), referral.returneeId);
    await k.publish(referralCreatedV1, referral, referral.referralId);
    const id = referralEnrolmentId(referral.referralId);
    const seen = await waitFor('the consented view', async () => {
      const res = await h.api().get(`/enrollments/${id}`).set(auth(collegeToken));
      return res.body.returnee?.givenName && res.body;
    });
    expect(seen.returnee).toEqual({ id: referral.returneeId, consented: true, givenName: 'An', skills: ['masonry'] });
    expect(JSON.stringify(seen)).not.toMatch(/offence|sentence|grade|restriction|nationalId|fullName|ageYears|gender/);

    await k.publish(profilePublishedV1, profileOf(referral.returneeId, 2), referral.returneeId);
    const revoked = await waitFor('the view dropped', async () => {
      const res = await h.api().get(`/enrollments/${id}`).set(auth(collegeToken));
      return res.body.returnee?.consented === false && res.body;
    });
    expect(revoked.returnee).toEqual({ id: referral.returneeId, consented: false });
    // an older revision delivered late changes nothing
    await k.publish(profilePublishedV1, profileOf(referral.returneeId, 1, 'An'), referral.returneeId);
    await new Promise((r) => setTimeout(r, 500));
    expect((await h.colleges.ctx.returnees.find(referral.returneeId))?.collegeView).toBeUndefined();
  });
});
