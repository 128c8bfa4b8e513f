import { randomUUID } from 'node:crypto';
import { certificateIssuedV1, COLLEGES_FORBIDDEN_FIELDS, enrolmentStatusChangedV1, profilePublishedV1, referralCreatedV1, SENSITIVE_FIELD_NAMES } from '@hoanhap/contracts';
import { isRead, scanningReads, storeCallsDuring, waitFor } from '@hoanhap/testing';
import { referralEnrolmentId } from '../src/domain/receive-referral.use-case';
import { profileOf, referralTo } from './support/cases-events';
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

/** A cohort of a welding + safety course, running, with one person enrolled from a referral. */
async function enrolledInRunningCohort() {
  const course = await h
    .api()
    .post('/courses')
    .set(auth(collegeToken))
    .send({ ...SECTION6_COURSE, skillsGranted: ['welding', 'occupational-safety'], seats: 5 });
  const cohortId = course.body.firstCohort.id as string;
  const referral = referralTo(cohortId);
  await k.publish(profilePublishedV1, profileOf(referral.returneeId, 1, 'Bình'), referral.returneeId);
  await k.publish(referralCreatedV1, referral, referral.referralId);
  const enrolmentId = referralEnrolmentId(referral.referralId);
  await waitFor('the enrolment', async () => (await h.api().get(`/enrollments/${enrolmentId}`).set(auth(collegeToken))).body.status === 'enrolled');
  return { cohortId, enrolmentId, referral };
}

const complete = (enrolmentId: string, token = collegeToken) =>
  h.api().patch(`/enrollments/${enrolmentId}`).set(auth(token)).send({ status: 'completed', result: 'Đạt — loại khá' });

describe('completion issues a certificate that adds skills', () => {
  it('when a cohort has not started running, then completion is refused with 409', async () => {
    const { enrolmentId } = await enrolledInRunningCohort();
    const res = await complete(enrolmentId);
    expect(res.status).toBe(409);
    expect(res.body.code).toBe('COHORT.NOT_RUNNING');
  });

  it('when an enrolled person completes, then a certificate is issued and colleges.certificate.issued.v1 carries its skills on Kafka', async () => {
    const { cohortId, enrolmentId, referral } = await enrolledInRunningCohort();
    expect((await h.api().patch(`/cohorts/${cohortId}`).set(auth(collegeToken)).send({ status: 'running' })).status).toBe(200);
    const { result: done, calls } = await storeCallsDuring(h.connection, ['certificates'], () => complete(enrolmentId));
    expect(done.status).toBe(200);
    expect(done.body).toMatchObject({ status: 'completed', result: 'Đạt — loại khá', certificateId: expect.any(String) });
    // the certificate of the enrolment is looked for by its id (FerretDB 1.x decodes them all for { enrolmentId })
    expect(calls.filter(isRead).length).toBeGreaterThan(0);
    expect(scanningReads(calls)).toEqual([]);

    const certificate = await h.api().get(`/certificates/${done.body.certificateId}`).set(auth(collegeToken));
    expect(certificate.status).toBe(200);
    expect(certificate.body).toMatchObject({
      returneeId: referral.returneeId,
      cohortId,
      number: expect.stringMatching(/^HN-\d{4}-\d{6}$/),
      skills: ['welding', 'occupational-safety'],
      occupationCode: '7212',
      issuedOn: expect.stringMatching(/^\d{4}-\d{2}-\d{2}$/),
    });

    // what a matching consumer would read: the skills the certificate adds to the returnee's profile
    const issued = await waitFor('colleges.certificate.issued.v1 on Kafka', () =>
      k.received.get(certificateIssuedV1.topic)!.find((e) => (e.payload as { certificateId: string }).certificateId === done.body.certificateId),
    );
    expect(issued.key).toBe(referral.returneeId);
    expect(issued.payload).toEqual({
      certificateId: done.body.certificateId,
      returneeId: referral.returneeId,
      cohortId,
      number: certificate.body.number,
      skills: ['welding', 'occupational-safety'],
      occupationCode: '7212',
      issuedOn: certificate.body.issuedOn,
    });
    await waitFor('cases hears completed', () =>
      k.received.get(enrolmentStatusChangedV1.topic)!.some((e) => {
        const p = e.payload as { referralId?: string; status: string };
        return p.referralId === referral.referralId && p.status === 'completed';
      }),
    );

    // a retried completion returns the same certificate and publishes nothing new
    const again = await complete(enrolmentId);
    expect(again.body.certificateId).toBe(done.body.certificateId);
    await new Promise((r) => setTimeout(r, 500));
    expect(k.received.get(certificateIssuedV1.topic)!.filter((e) => (e.payload as { returneeId: string }).returneeId === referral.returneeId)).toHaveLength(1);
  });

  it('when another college asks for a certificate, then 404; officers may read it', async () => {
    const { cohortId, enrolmentId } = await enrolledInRunningCohort();
    await h.api().patch(`/cohorts/${cohortId}`).set(auth(collegeToken)).send({ status: 'running' });
    const { body } = await complete(enrolmentId);
    expect((await h.api().get(`/certificates/${body.certificateId}`).set(auth(h.token('college', randomUUID())))).status).toBe(404);
    expect((await h.api().get(`/certificates/${body.certificateId}`).set(auth(h.token('officer')))).status).toBe(200);
    expect((await h.api().get(`/certificates/${body.certificateId}`).set(auth(h.token('employer', randomUUID())))).status).toBe(403);
  });

  it('when any colleges.* event of this file is read, then its payload holds no sensitive or identifying key', async () => {
    const forbidden = new Set<string>([...SENSITIVE_FIELD_NAMES, ...COLLEGES_FORBIDDEN_FIELDS, 'skillsOfPerson', 'collegeView', 'givenName']);
    const keys = (value: unknown): string[] =>
      Array.isArray(value) ? value.flatMap(keys) : value && typeof value === 'object' ? Object.entries(value).flatMap(([k, v]) => [k, ...keys(v)]) : [];
    const all = [...k.received.values()].flat();
    expect(all.length).toBeGreaterThan(5);
    for (const envelope of all) expect(keys(envelope.payload).filter((key) => forbidden.has(key))).toEqual([]);
    // and the guard itself refuses such a key at publish time
    await expect(
      k.publish(enrolmentStatusChangedV1, { enrolmentId: 'x', cohortId: 'y', returneeId: randomUUID(), status: 'new', at: new Date().toISOString(), offence: 'theft' } as never, 'x'),
    ).rejects.toThrow();
  });
});
