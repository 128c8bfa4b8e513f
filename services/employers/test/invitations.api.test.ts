import { randomUUID } from 'node:crypto';
import {
  type EventEnvelope,
  invitationDecidedV1,
  type InvitationDecidedV1,
  invitationRequestedV1,
  type InvitationRequestedV1,
  profilePublishedV1,
  referralCreatedV1,
} from '@hoanhap/contracts';
import { waitFor } from '@hoanhap/testing';
import { keysDeep, profileOf, referralTo, SECTION6_JOB, SENSITIVE_KEYS } from './support/fixtures';
import { type Harness, startHarness } from './support/employers-harness';

/**
 * The employer's side of an invitation through the real Kafka: the request goes out to cases
 * (employers.invitation.requested.v1), the officer's answer comes back (cases.invitation.decided.v1, published
 * here as cases does) and, when approved, the referral cases made turns into an application.
 */
jest.setTimeout(240_000);

let h: Harness;
let requested: EventEnvelope[];
const orgA = `org-a-${randomUUID()}`;
const orgB = `org-b-${randomUUID()}`;
let employerA: string;
let employerB: string;

beforeAll(async () => {
  h = await startHarness({ kafka: true });
  requested = await h.collect!(invitationRequestedV1);
  employerA = h.bearer('employer', orgA);
  employerB = h.bearer('employer', orgB);
});
afterAll(() => h.close());

/** A job of employer A and a discoverable returnee it may invite (the profile as cases publishes it). */
async function jobAndCandidate(share = true, discoverable = true) {
  const job = await h.api().post('/jobs').set('Authorization', employerA).send(SECTION6_JOB);
  expect(job.status).toBe(201);
  const returneeId = randomUUID();
  await h.publish!(profilePublishedV1, profileOf(returneeId, 1, share, discoverable), returneeId);
  await waitFor('the profile', async () => h.employers.ctx.profiles.findById(returneeId));
  return { jobId: job.body.id as string, returneeId };
}

const invite = (jobId: string, returneeId: string, auth = employerA) =>
  h.api().post('/invitations').set('Authorization', auth).send({ jobId, returneeId, message: 'Mong cán bộ giới thiệu' });

/** The request as it reached Kafka (what cases consumes). */
const requestOnKafka = (invitationId: string) =>
  waitFor('invitation.requested', async () => requested.find((e) => e.key === invitationId) as EventEnvelope<InvitationRequestedV1>);

/** cases' answer, as cases publishes it. */
const decide = (request: InvitationRequestedV1, extra: Partial<InvitationDecidedV1>) =>
  h.publish!(
    invitationDecidedV1,
    {
      invitationId: request.invitationId,
      jobId: request.jobId,
      employerOrgId: request.employerOrgId,
      returneeId: request.returneeId,
      outcome: 'approved',
      at: new Date().toISOString(),
      ...extra,
    },
    request.invitationId,
  );

const listedAs = async (auth: string, id: string) =>
  ((await h.api().get('/invitations').set('Authorization', auth)).body.items as { id: string; status: string }[]).find((i) => i.id === id);

describe('invitations answered by the officer', () => {
  it('when the officer approves, then the employer sees approved with the referral, and the referral becomes its application', async () => {
    const { jobId, returneeId } = await jobAndCandidate();
    const created = await invite(jobId, returneeId);
    expect(created.status).toBe(201);
    expect(created.body.status).toBe('requested');
    const request = (await requestOnKafka(created.body.id)).payload;
    expect(request).toMatchObject({ jobId, returneeId, employerOrgId: orgA });

    const referral = referralTo(jobId, { returneeId });
    await decide(request, { outcome: 'approved', referralId: referral.referralId });
    await h.publish!(referralCreatedV1, referral, referral.referralId);

    const approved = await waitFor('approved', async () => {
      const found = await listedAs(employerA, created.body.id);
      return found?.status === 'approved' ? found : undefined;
    });
    expect(approved).toMatchObject({ decision: { referralId: referral.referralId } });
    const application = await waitFor('the application', async () => {
      const list = await h.api().get(`/jobs/${jobId}/applications`).set('Authorization', employerA);
      return list.body.items.find((a: { referralId: string }) => a.referralId === referral.referralId);
    });
    expect(application).toMatchObject({ returneeId, status: 'new' });
    expect(keysDeep(approved).filter((k) => SENSITIVE_KEYS.includes(k) || ['officerId', 'officerOrgId', 'note', 'by'].includes(k))).toEqual(
      [],
    );
    expect(await listedAs(employerB, created.body.id)).toBeUndefined();
  });

  it('when the officer declines, then the employer sees declined with the reason code; a later, repeated answer changes nothing', async () => {
    const { jobId, returneeId } = await jobAndCandidate();
    const created = await invite(jobId, returneeId);
    const request = (await requestOnKafka(created.body.id)).payload;
    await decide(request, { outcome: 'declined', reason: 'not-suitable' });
    await waitFor('declined', async () => (await listedAs(employerA, created.body.id))?.status === 'declined');
    // the same answer again and a contradicting one: an answer is final
    await decide(request, { outcome: 'approved', referralId: randomUUID() });
    const marker = await jobAndCandidate();
    const markerInvite = await invite(marker.jobId, marker.returneeId);
    const markerRequest = (await requestOnKafka(markerInvite.body.id)).payload;
    await decide(markerRequest, { outcome: 'declined', reason: 'other' });
    await waitFor('marker declined', async () => (await listedAs(employerA, markerInvite.body.id))?.status === 'declined');
    expect(await listedAs(employerA, created.body.id)).toMatchObject({ status: 'declined', decision: { reason: 'not-suitable' } });
  });

  it('when the returnee is not discoverable or no longer shares with employers, then inviting answers 404 and nothing reaches cases', async () => {
    const hidden = await jobAndCandidate(true, false);
    expect((await invite(hidden.jobId, hidden.returneeId)).status).toBe(404);
    const { jobId, returneeId } = await jobAndCandidate();
    // the returnee revokes: cases publishes a revision without employerView and shareWithEmployers off
    await h.publish!(profilePublishedV1, profileOf(returneeId, 2, false, true), returneeId);
    await waitFor('revision 2', async () => (await h.employers.ctx.profiles.findById(returneeId))?.revision === 2);
    const res = await invite(jobId, returneeId);
    expect([res.status, res.body.code]).toEqual([404, 'RETURNEE.NOT_FOUND']);
    expect(res.headers['content-type']).toMatch(/^application\/problem\+json/);
    expect(requested.filter((e) => (e.payload as InvitationRequestedV1).returneeId === returneeId)).toEqual([]);
  });
});
