import { invitationRequestedV1, type InvitationRequestedV1 } from '@hoanhap/contracts';
import { waitFor } from '@hoanhap/testing';
import { startTap, type EventTap } from './support/event-tap';
import { newId } from './support/side-events';
import { startCases, type Harness } from './support/cases-harness';

// Kafka round trips: seconds when the machine is idle, much more when two cores are shared by many suites
jest.setTimeout(240_000);

let h: Harness;
let tap: EventTap;
beforeAll(async () => {
  h = await startCases({ messaging: true });
  tap = await startTap(h.kafka!, h.ns.topicPrefix);
});
afterAll(async () => {
  await tap.stop();
  await h.close();
});

const DECIDED = 'cases.invitation.decided.v1';
/** What employers publishes when an employer invites a candidate matching proposed. */
const request = (returneeId: string, extra: Partial<InvitationRequestedV1> = {}): InvitationRequestedV1 => ({
  invitationId: newId(),
  jobId: `job-${newId()}`,
  employerOrgId: 'org-employer-1',
  returneeId,
  message: 'Chúng tôi cần thợ hàn, mong cán bộ giới thiệu.',
  requestedBy: 'employer-user-1',
  at: new Date().toISOString(),
  ...extra,
});
const invite = async (returneeId: string, extra: Partial<InvitationRequestedV1> = {}) => {
  const payload = request(returneeId, extra);
  await h.publish(invitationRequestedV1, payload, payload.invitationId);
  return payload;
};
const invitation = (id: string, caller: 'officer40' | 'officer01' | 'admin' = 'officer40') => h.as(caller).get(`/invitations/${id}`);
const arrived = (id: string, status?: string) =>
  waitFor(
    `invitation ${id} ${status ?? ''}`,
    async () => {
      const res = await invitation(id, 'admin');
      return res.status === 200 && (status === undefined || res.body.status === status) ? res.body : undefined;
    },
    40_000,
  );
/** Names of the officer side and of the returnee's identity that must never reach the employer. */
const NEVER_TO_EMPLOYER = [
  'officerId',
  'officerOrgId',
  'decidedBy',
  'by',
  'note',
  'fullName',
  'nationalId',
  'phone',
  'address',
  'provinceCode',
];
/** 503 SERVICE.BUSY (a file still locked, e.g. while its events are relayed) asks the client to retry after Retry-After. */
async function retryingBusy<R extends { status: number }>(send: () => PromiseLike<R>): Promise<R> {
  for (let attempt = 0; ; attempt++) {
    const res = await send();
    if (res.status !== 503 || attempt === 10) return res;
    await new Promise((resolve) => setTimeout(resolve, 1_000));
  }
}
const approve = (id: string, body: object = {}) => retryingBusy(() => h.as('officer40').post(`/invitations/${id}/approve`).send(body));
const registerConsenting = async (consent: Record<string, boolean> = {}) => {
  const res = await retryingBusy(() =>
    h.register({
      consent: { matching: true, shareWithEmployers: true, shareWithColleges: true, shareWithBank: true, discoverable: true, ...consent },
    }),
  );
  expect([res.status, res.body.code]).toEqual([201, undefined]);
  return res.body.id as string;
};

describe('employer invitations, answered by the returnee’s officer', () => {
  it('when an employer invites a discoverable returnee, then the officer sees it pending, approves, a referral to the job is made and the employer hears approved', async () => {
    const returneeId = await registerConsenting();
    const sent = await invite(returneeId);
    await arrived(sent.invitationId, 'pending');

    const pending = await h.as('officer40').get('/invitations?status=pending');
    expect(pending.status).toBe(200);
    const listed = pending.body.items.find((i: { id: string }) => i.id === sent.invitationId);
    expect(listed).toMatchObject({
      jobId: sent.jobId,
      employerOrgId: 'org-employer-1',
      returneeId,
      message: sent.message,
      status: 'pending',
      provinceCode: '40',
    });

    const approved = await approve(sent.invitationId, { note: 'Có kinh nghiệm hàn 3 năm' });
    expect([approved.status, approved.body.code]).toEqual([200, undefined]);
    expect(approved.body).toMatchObject({ status: 'approved', decision: { by: 'officer-40', automatic: false } });
    const referralId = approved.body.referralId as string;
    const referral = await h.as('officer40').get(`/referrals/${referralId}`);
    expect(referral.body).toMatchObject({
      returneeId,
      target: { kind: 'job', id: sent.jobId },
      status: 'sent',
      note: 'Có kinh nghiệm hàn 3 năm',
    });

    const created = await tap.next('cases.referral.created.v1', (p) => p.referralId === referralId);
    expect(created.payload).toMatchObject({ returneeId, target: { kind: 'job', id: sent.jobId } });
    const decided = await tap.next(DECIDED, (p) => p.invitationId === sent.invitationId);
    expect(decided.key).toBe(sent.invitationId);
    expect(decided.payload).toEqual({
      invitationId: sent.invitationId,
      jobId: sent.jobId,
      employerOrgId: 'org-employer-1',
      returneeId,
      outcome: 'approved',
      referralId,
      at: expect.any(String),
    });

    const again = await h.as('officer40').post(`/invitations/${sent.invitationId}/decline`).send({ reason: 'other' });
    expect([again.status, again.body.code]).toEqual([409, 'INVITATION.ALREADY_DECIDED']);
  });

  it('when the officer declines with a reason and a note, then the employer hears the reason code and never the note or who declined', async () => {
    const returneeId = await registerConsenting();
    const sent = await invite(returneeId);
    await arrived(sent.invitationId, 'pending');
    const off = await h.as('officer40').post(`/invitations/${sent.invitationId}/decline`).send({ reason: 'wrong' });
    expect([off.status, off.body.errors?.[0]?.field]).toEqual([400, 'reason']);

    const res = await h
      .as('officer40')
      .post(`/invitations/${sent.invitationId}/decline`)
      .send({ reason: 'returnee-declined', note: 'Anh An muốn làm gần nhà' });
    expect(res.status).toBe(200);
    expect(res.body).toMatchObject({ status: 'declined', decision: { reason: 'returnee-declined', note: 'Anh An muốn làm gần nhà' } });
    expect(res.body).not.toHaveProperty('referralId');

    const decided = await tap.next(DECIDED, (p) => p.invitationId === sent.invitationId);
    expect(decided.payload).toMatchObject({ outcome: 'declined', reason: 'returnee-declined', returneeId });
    for (const key of NEVER_TO_EMPLOYER) expect(decided.payload).not.toHaveProperty(key);
    expect(JSON.stringify(decided.payload)).not.toContain('An');
    expect((await h.as('officer40').get(`/referrals?returneeId=${returneeId}`)).body.items).toHaveLength(0);
  });

  it("when another province's officer lists, reads, approves or declines, then the invitation does not show (404) and stays pending", async () => {
    const returneeId = await registerConsenting();
    const sent = await invite(returneeId);
    await arrived(sent.invitationId, 'pending');
    const officer01 = h.as('officer01');
    const listed = await officer01.get('/invitations');
    expect(listed.status).toBe(200);
    expect(listed.body.items.map((i: { id: string }) => i.id)).not.toContain(sent.invitationId);
    expect((await invitation(sent.invitationId, 'officer01')).status).toBe(404);
    const other = await officer01.post(`/invitations/${sent.invitationId}/approve`).send({});
    expect([other.status, other.body.code]).toEqual([404, 'INVITATION.NOT_FOUND']);
    expect((await officer01.post(`/invitations/${sent.invitationId}/decline`).send({ reason: 'other' })).status).toBe(404);
    expect((await h.as('employer').get('/invitations')).status).toBe(403);
    expect((await invitation(sent.invitationId)).body.status).toBe('pending');
  });

  it('when the file is transferred to another province while an invitation waits, then the receiving officer answers it and the old one no longer sees it', async () => {
    const returneeId = await registerConsenting();
    const sent = await invite(returneeId);
    await arrived(sent.invitationId, 'pending');
    const asked = await retryingBusy(() =>
      h.as('officer40').post(`/returnees/${returneeId}/transfer`).send({ provinceCode: '01', communeCode: '00004' }),
    );
    expect(asked.status).toBe(202);
    expect((await retryingBusy(() => h.as('officer01').post(`/returnees/${returneeId}/transfer/accept`))).status).toBe(200);
    expect((await invitation(sent.invitationId, 'officer40')).status).toBe(404);
    const moved = await invitation(sent.invitationId, 'officer01');
    expect([moved.status, moved.body.status]).toEqual([200, 'pending']);
    const approved = await retryingBusy(() => h.as('officer01').post(`/invitations/${sent.invitationId}/approve`).send({}));
    expect([approved.status, approved.body.status]).toEqual([200, 'approved']);
  });

  it('when the returnee is not discoverable, then the invitation is declined at once (unavailable) without an officer', async () => {
    const returneeId = await registerConsenting({ discoverable: false });
    const sent = await invite(returneeId);
    const stored = await arrived(sent.invitationId, 'declined');
    expect(stored.decision).toMatchObject({ reason: 'unavailable', automatic: true, by: 'system:cases' });
    const decided = await tap.next(DECIDED, (p) => p.invitationId === sent.invitationId);
    expect(decided.payload).toMatchObject({ outcome: 'declined', reason: 'unavailable' });
    const unknown = await invite(newId());
    await tap.next(DECIDED, (p) => p.invitationId === unknown.invitationId && p.reason === 'unavailable');
  });

  it('when consent is revoked while an invitation waits, then it is declined automatically and approving answers 409', async () => {
    const returneeId = await registerConsenting();
    const sent = await invite(returneeId);
    await arrived(sent.invitationId, 'pending');
    const change = {
      matching: true,
      shareWithEmployers: true,
      shareWithColleges: true,
      shareWithBank: true,
      discoverable: false,
      version: '2026-01',
      method: 'paper-form',
    };
    const revoked = await retryingBusy(() => h.as('officer40').put(`/returnees/${returneeId}/consent`).send(change));
    expect(revoked.status).toBe(200);
    expect(revoked.body.declinedInvitations).toEqual([sent.invitationId]);
    expect((await invitation(sent.invitationId)).body).toMatchObject({
      status: 'declined',
      decision: { reason: 'unavailable', automatic: true },
    });
    await tap.next(DECIDED, (p) => p.invitationId === sent.invitationId && p.outcome === 'declined');
    const late = await approve(sent.invitationId);
    expect([late.status, late.body.code]).toEqual([409, 'INVITATION.ALREADY_DECIDED']);
  });

  it('when the request is delivered again (same envelope, or republished), then one invitation stays as decided and one referral exists', async () => {
    const returneeId = await registerConsenting();
    const payload = request(returneeId);
    const envelope = await h.publish(invitationRequestedV1, payload, payload.invitationId);
    await arrived(payload.invitationId, 'pending');
    const approved = await approve(payload.invitationId);
    expect(approved.status).toBe(200);
    await tap.next(DECIDED, (p) => p.invitationId === payload.invitationId);

    await h.publisher!.sendEnvelopes([envelope]);
    const republished = await h.publish(invitationRequestedV1, { ...payload, at: new Date().toISOString() }, payload.invitationId);
    // a later event on the same key is handled after both copies: once it is, the copies were too
    const marker = await invite(returneeId);
    await arrived(marker.invitationId, 'pending');
    expect(republished.eventId).not.toBe(envelope.eventId);

    const after = await invitation(payload.invitationId);
    expect(after.body).toMatchObject({ status: 'approved', referralId: approved.body.referralId, receivedAt: approved.body.receivedAt });
    const referrals = (await h.as('officer40').get(`/referrals?returneeId=${returneeId}`)).body.items;
    expect(referrals.map((r: { id: string }) => r.id)).toEqual([approved.body.referralId]);
    expect(tap.of(DECIDED, payload.invitationId)).toHaveLength(1);
  });
});
