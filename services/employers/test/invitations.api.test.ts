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
import { byIdOnly, isRead, storeCallsDuring, waitFor } from '@hoanhap/testing';
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

describe('asking twice for the same job and person reads by _id only (FerretDB 1.x reads every invitation for { jobId, returneeId })', () => {
  const pairKey = (jobId: string, returneeId: string) => JSON.stringify([jobId, returneeId]);
  const pairs = () => h.connection.collection('invitation_pairs');
  const findsDuring = async <T>(work: () => Promise<T>) => {
    const { result, calls } = await storeCallsDuring(h.connection, ['invitations', 'invitation_pairs'], work);
    // what was read, by which filter (the method does not matter here)
    return { result, finds: calls.filter(isRead).map(({ collection, filter }) => ({ collection, filter })) };
  };

  it('when an employer asks a second time, then 409 names the first request, and invitations were read by _id alone', async () => {
    const { jobId, returneeId } = await jobAndCandidate();
    const first = await findsDuring(() => invite(jobId, returneeId));
    expect(first.result.status).toBe(201);
    // no request yet: the pair's key was read (nothing found), and read again after the insert to confirm it
    const key = { collection: 'invitation_pairs', filter: { _id: pairKey(jobId, returneeId) } };
    expect(first.finds).toEqual([key, key]);
    expect(first.finds.every((f) => byIdOnly(f.filter))).toBe(true);

    const second = await findsDuring(() => invite(jobId, returneeId));
    expect([second.result.status, second.result.body.code, second.result.body.existingId]).toEqual([
      409,
      'INVITATION.ALREADY_REQUESTED',
      first.result.body.id,
    ]);
    expect(second.finds.map((f) => f.collection)).toEqual(['invitation_pairs', 'invitations']);
    expect(second.finds.every((f) => byIdOnly(f.filter))).toBe(true);
  });

  it('when six requests for the same job and person arrive at once, then one is created and five answer 409 naming it', async () => {
    const { jobId, returneeId } = await jobAndCandidate();
    const answers = await Promise.all(Array.from({ length: 6 }, () => invite(jobId, returneeId)));
    const created = answers.filter((a) => a.status === 201);
    expect(created).toHaveLength(1);
    const refused = answers.filter((a) => a.status !== 201);
    expect(refused.map((a) => [a.status, a.body.code, a.body.existingId])).toEqual(
      Array(5).fill([409, 'INVITATION.ALREADY_REQUESTED', created[0]!.body.id]),
    );
    expect(await pairs().findOne({ _id: pairKey(jobId, returneeId) as never })).toMatchObject({ holderId: created[0]!.body.id });
  });

  it('when the pair’s key names a request that was never stored (a creation stopped halfway), then a request is created, and asked again answers 409', async () => {
    const { jobId, returneeId } = await jobAndCandidate();
    await pairs().insertOne({ _id: pairKey(jobId, returneeId) as never, holderId: 'never-stored' });
    const created = await invite(jobId, returneeId);
    expect(created.status).toBe(201);
    expect((await pairs().findOne({ _id: pairKey(jobId, returneeId) as never }))?.holderId).toBe(created.body.id);
    expect((await invite(jobId, returneeId)).body).toMatchObject({ code: 'INVITATION.ALREADY_REQUESTED', existingId: created.body.id });
  });

  it('when a request was stored without its key (before keys existed), then asking again still answers 409, and employers’ start writes the key', async () => {
    const { jobId, returneeId } = await jobAndCandidate();
    const created = await invite(jobId, returneeId);
    await pairs().deleteMany({ _id: { $in: [pairKey(jobId, returneeId), 'backfilled'] } as never });
    // no key: the check finds nothing, and the unique index refuses the insert, which is then told by its scan
    expect((await invite(jobId, returneeId)).body).toMatchObject({ code: 'INVITATION.ALREADY_REQUESTED', existingId: created.body.id });

    await pairs().deleteMany({ _id: { $in: [pairKey(jobId, returneeId), 'backfilled'] } as never });
    await h.employers.ctx.invitations.init();
    expect(await pairs().findOne({ _id: pairKey(jobId, returneeId) as never })).toMatchObject({ holderId: created.body.id });
    const again = await findsDuring(() => invite(jobId, returneeId));
    expect(again.result.body.existingId).toBe(created.body.id);
    expect(again.finds.every((f) => byIdOnly(f.filter))).toBe(true);
  });
});
