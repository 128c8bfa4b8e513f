import {
  applicationStatusChangedV1,
  enrolmentStatusChangedV1,
  jobPostedV1,
  jobUpdatedV1,
  loanApplicationStatusChangedV1,
} from '@hoanhap/contracts';
import { isRead, scanningReads, storeCallsDuring, waitFor } from '@hoanhap/testing';
import { startTap, type EventTap } from './support/event-tap';
import { newId, sideEvents } from './support/side-events';
import { startCases, type Harness } from './support/cases-harness';

// Kafka round trips: seconds when the machine is idle, much more when two cores are shared by many suites
jest.setTimeout(120_000);

let h: Harness;
let tap: EventTap;
let offsetDays = 0;
beforeAll(async () => {
  h = await startCases({ messaging: true, clock: () => new Date(Date.now() + offsetDays * 86_400_000) });
  tap = await startTap(h.kafka!, h.ns.topicPrefix);
});
afterAll(async () => {
  await tap.stop();
  await h.close();
});

const STATUS_CHANGED = 'cases.referral.status-changed.v1';
const refer = (returneeId: string, kind: 'job' | 'course' | 'loan', id = 'target-1') =>
  h.as('officer40').post('/referrals').send({ returneeId, target: { kind, id }, note: 'phù hợp kỹ năng hàn' });
const referral = async (id: string) => (await h.as('officer40').get(`/referrals/${id}`)).body;
const settled = (id: string, status: string, sideStatus?: string) =>
  waitFor(
    `referral ${id} ${status}/${sideStatus}`,
    async () => {
      const r = await referral(id);
      return r.status === status && (sideStatus === undefined || r.side?.status === sideStatus) ? r : undefined;
    },
    40_000,
  );

/** Consent as recorded on paper, sharing with employers revoked (everything else kept). */
const REVOKE_EMPLOYERS = {
  matching: true,
  shareWithEmployers: false,
  shareWithColleges: true,
  shareWithBank: true,
  discoverable: true,
  version: '2026-01',
  method: 'paper-form',
};

describe('referrals (closed loop, ARCHITECTURE §3)', () => {
  it('when the returnee has not consented to sharing with that kind of recipient, then 422 REFERRAL.CONSENT_MISSING', async () => {
    const id = (await h.register({ consent: { matching: true, shareWithEmployers: false } })).body.id;
    const res = await refer(id, 'job');
    expect([res.status, res.body.code]).toEqual([422, 'REFERRAL.CONSENT_MISSING']);
    expect(res.body.errors[0]).toMatchObject({ field: 'target.kind', rule: 'consent' });
  });

  it('when the employer publishes new (unopened), new (opened), interview, hired, then the referral goes sent → seen → in-progress → succeeded, each change published', async () => {
    const returneeId = (await h.register()).body.id;
    const created = await refer(returneeId, 'job', 'job-welder-1');
    expect(created.status).toBe(201);
    expect(created.body).toMatchObject({ status: 'sent', stale: false, target: { kind: 'job', id: 'job-welder-1' } });
    const id = created.body.id as string;
    await tap.next('cases.referral.created.v1', (p) => p.referralId === id);
    const applicationId = newId();
    const step = (status: 'new' | 'interview' | 'hired', extra = {}) =>
      h.publish(applicationStatusChangedV1, sideEvents.application(id, returneeId, applicationId, status, extra), applicationId);

    await step('new');
    expect(await settled(id, 'sent', 'new')).toMatchObject({ status: 'sent', side: { status: 'new' } });
    await step('new', { openedAt: new Date().toISOString() });
    await settled(id, 'seen');
    await step('interview');
    await settled(id, 'in-progress', 'interview');
    await step('hired', { startDate: '2026-02-01', contractType: 'indefinite' });
    const done = await settled(id, 'succeeded', 'hired');
    expect(done.history.map((x: { status: string }) => x.status)).toEqual(['sent', 'sent', 'seen', 'in-progress', 'succeeded']);
    const published = await tap.next(STATUS_CHANGED, (p) => p.referralId === id && p.status === 'succeeded');
    expect(published.payload).toMatchObject({
      returneeId,
      target: { kind: 'job', id: 'job-welder-1' },
      sideStatus: 'hired',
      daysToAnswer: 0,
    });
    expect(published.key).toBe(id);
  });

  it('when a college drops the person with a reason, then the referral is declined with the college’s status and reason beside it', async () => {
    const returneeId = (await h.register()).body.id;
    const id = (await refer(returneeId, 'course', 'cohort-welding-2026')).body.id as string;
    const enrolmentId = newId();
    await h.publish(enrolmentStatusChangedV1, sideEvents.enrolment(id, returneeId, enrolmentId, 'enrolled'), enrolmentId);
    await settled(id, 'in-progress', 'enrolled');
    await h.publish(
      enrolmentStatusChangedV1,
      sideEvents.enrolment(id, returneeId, enrolmentId, 'dropped', { reason: 'moved-away' }),
      enrolmentId,
    );
    expect(await settled(id, 'declined', 'dropped')).toMatchObject({ side: { status: 'dropped', reason: 'moved-away' } });
  });

  it('when a loan is approved then disbursed, then the referral stays succeeded and shows the bank’s latest status; a late older event changes nothing', async () => {
    const returneeId = (await h.register()).body.id;
    const id = (await refer(returneeId, 'loan', 'vbsp-returnee-production')).body.id as string;
    const loanId = newId();
    const early = new Date(Date.now() - 60_000).toISOString();
    await h.publish(loanApplicationStatusChangedV1, sideEvents.loan(id, returneeId, loanId, 'approved'), loanId);
    await settled(id, 'succeeded', 'approved');
    await h.publish(loanApplicationStatusChangedV1, sideEvents.loan(id, returneeId, loanId, 'disbursed'), loanId);
    await settled(id, 'succeeded', 'disbursed');
    await h.publish(loanApplicationStatusChangedV1, sideEvents.loan(id, returneeId, loanId, 'submitted', { at: early }), loanId);
    await new Promise((r) => setTimeout(r, 500));
    expect(await referral(id)).toMatchObject({ status: 'succeeded', side: { status: 'disbursed' } });
  });

  it('when a referral is unchanged for REFERRAL_STALE_DAYS, then it is flagged stale and in the officer’s inbox; a new answer shows as newly answered until read', async () => {
    const returneeId = (await h.register()).body.id;
    const id = (await refer(returneeId, 'job', 'job-stale')).body.id as string;
    expect((await referral(id)).stale).toBe(false);
    offsetDays = 14;
    try {
      expect((await referral(id)).stale).toBe(true);
      const inbox = await h.as('officer40').get('/referrals/inbox');
      expect(inbox.body.items.find((r: { id: string }) => r.id === id)).toMatchObject({ stale: true, newlyAnswered: false });
      expect((await h.as('officer01').get('/referrals/inbox')).body.items).toEqual([]);
    } finally {
      offsetDays = 0;
    }
    const applicationId = newId();
    await h.publish(
      applicationStatusChangedV1,
      sideEvents.application(id, returneeId, applicationId, 'new', { openedAt: new Date().toISOString() }),
      applicationId,
    );
    await settled(id, 'seen');
    const inbox = (await h.as('officer40').get('/referrals/inbox')).body.items.find((r: { id: string }) => r.id === id);
    expect(inbox).toMatchObject({ newlyAnswered: true, stale: false });
    expect((await h.as('officer40').post(`/referrals/${id}/read`)).body.newlyAnswered).toBe(false);
    expect((await h.as('officer40').get('/referrals/inbox')).body.items.map((r: { id: string }) => r.id)).not.toContain(id);
  });

  it('when the officer withdraws an open referral, then withdrawn (reason officer) is published; withdrawing again is 409', async () => {
    const returneeId = (await h.register()).body.id;
    const id = (await refer(returneeId, 'course', 'cohort-x')).body.id as string;
    expect((await h.as('officer40').post(`/referrals/${id}/withdraw`)).body.status).toBe('withdrawn');
    expect((await tap.next('cases.referral.withdrawn.v1', (p) => p.referralId === id)).payload).toMatchObject({
      reason: 'officer',
      target: { kind: 'course' },
    });
    expect((await h.as('officer40').post(`/referrals/${id}/withdraw`)).status).toBe(409);
  });

  it('when listing by returnee and status, then only those referrals come back; another province sees none', async () => {
    const returneeId = (await h.register()).body.id;
    const id = (await refer(returneeId, 'job', 'job-list')).body.id as string;
    const res = await h.as('officer40').get('/referrals').query({ returneeId, status: 'sent' });
    expect(res.body.items.map((r: { id: string }) => r.id)).toEqual([id]);
    expect((await h.as('officer01').get('/referrals').query({ returneeId })).body.items).toEqual([]);
    expect((await h.as('officer01').get(`/referrals/${id}`)).status).toBe(404);
  });
});

describe('consent (Law 91/2025, Decree 356/2025)', () => {
  it('when a returnee consents to matching only, then the published profile has the matching section and no employer, college or bank view', async () => {
    const returneeId = (await h.register({ consent: { matching: true } })).body.id;
    const profile = await tap.next('cases.returnee.profile-published.v1', () => true, returneeId);
    expect(profile.payload).toMatchObject({
      revision: 1,
      consent: { matching: true, shareWithEmployers: false },
      matching: { provinceCode: '40', skills: ['welding'] },
    });
    expect(profile.payload).not.toHaveProperty('employerView');
    expect(profile.payload).not.toHaveProperty('collegeView');
    expect(profile.payload).not.toHaveProperty('bankView');
    const restrictions = await tap.next('cases.returnee.restrictions-published.v1', () => true, returneeId);
    expect(restrictions.payload).toMatchObject({ bannedOccupations: [{ code: '8322', until: '2028-09-01' }], noStateAgencyWork: false });
  });

  it('when consent to share with employers is revoked, then a new revision without employerView is published and open job referrals are withdrawn (consent-revoked)', async () => {
    const returneeId = (await h.register()).body.id;
    const jobReferral = (await refer(returneeId, 'job', 'job-revoke')).body.id as string;
    const courseReferral = (await refer(returneeId, 'course', 'cohort-keep')).body.id as string;
    const first = await tap.next('cases.returnee.profile-published.v1', (p) => p.revision === 1, returneeId);
    expect(first.payload).toMatchObject({ employerView: { givenName: 'An', skills: ['welding'] } });

    const res = await h.as('officer40').put(`/returnees/${returneeId}/consent`).send(REVOKE_EMPLOYERS);
    expect(res.status).toBe(200);
    expect(res.body).toMatchObject({
      consent: { shareWithEmployers: false, method: 'paper-form', recordedBy: 'officer-40' },
      revoked: ['job'],
      withdrawnReferrals: [jobReferral],
    });
    expect(res.body.history).toHaveLength(1);

    const second = await tap.next('cases.returnee.profile-published.v1', (p) => p.revision === 2, returneeId);
    expect(second.payload).not.toHaveProperty('employerView');
    expect(second.payload).toMatchObject({ consent: { shareWithEmployers: false }, collegeView: { givenName: 'An' } });
    const withdrawn = await tap.next('cases.referral.withdrawn.v1', (p) => p.referralId === jobReferral);
    expect(withdrawn.payload).toMatchObject({ reason: 'consent-revoked', returneeId, target: { kind: 'job', id: 'job-revoke' } });
    expect((await referral(courseReferral)).status).toBe('sent');
    expect((await refer(returneeId, 'job', 'job-again')).status).toBe(422);
  });
});

describe('a revocation finds the open referrals by _id (FerretDB 1.x decodes every referral for { returneeId, status })', () => {
  it('when consent to employers is revoked, then both open job referrals are withdrawn, the course one stays, and referrals were read by _id alone', async () => {
    const returneeId = (await h.register()).body.id;
    const jobs = [(await refer(returneeId, 'job', 'job-r1')).body.id, (await refer(returneeId, 'job', 'job-r2')).body.id];
    const course = (await refer(returneeId, 'course', 'cohort-r')).body.id;
    const { result, calls } = await storeCallsDuring(h.connection, ['referrals', 'referrals_by_returnee'], () =>
      h.as('officer40').put(`/returnees/${returneeId}/consent`).send(REVOKE_EMPLOYERS),
    );
    expect(result.status).toBe(200);
    expect([...result.body.withdrawnReferrals].sort()).toEqual([...jobs].sort());
    expect(calls.filter(isRead).length).toBeGreaterThan(0);
    expect(scanningReads(calls)).toEqual([]);
    expect((await referral(course)).status).toBe('sent');
  });

  it('when a returnee’s referrals are listed page by page, then they come newest first without overlap, read by _id alone', async () => {
    const returneeId = (await h.register()).body.id;
    const made: string[] = [];
    for (const target of ['job-p1', 'job-p2', 'job-p3']) made.push((await refer(returneeId, 'job', target)).body.id);
    const list = (cursor?: string) =>
      h
        .as('officer40')
        .get('/referrals')
        .query({ returneeId, limit: 2, ...(cursor && { cursor }) });
    const { result: first, calls } = await storeCallsDuring(h.connection, ['referrals', 'referrals_by_returnee'], () => list());
    expect(scanningReads(calls)).toEqual([]);
    const second = await list(first.body.nextCursor);
    const ids = [...first.body.items, ...second.body.items].map((r: { id: string }) => r.id);
    expect(ids).toEqual([...made].reverse());
    expect(second.body.nextCursor).toBeNull();
  });

  it('when referrals were written before the lists existed, then cases’ start lists them and a revocation still withdraws them', async () => {
    const returneeId = (await h.register()).body.id;
    const job = (await refer(returneeId, 'job', 'job-before-lists')).body.id;
    await h.connection.collection('referrals_by_returnee').deleteMany({});

    await h.cases.ctx.referrals.init();

    const res = await h.as('officer40').put(`/returnees/${returneeId}/consent`).send(REVOKE_EMPLOYERS);
    expect(res.body.withdrawnReferrals).toEqual([job]);
  });
});

describe('referral targets heard of from events', () => {
  it('when a job has not been heard of yet, then 409 REFERRAL.TARGET_NOT_YET_KNOWN with Retry-After; once posted, 201; once filled, 422, but a retry of a referral made while it was open gets its first answer', async () => {
    h.cases.ctx.settings.referralTargetCheck = true;
    try {
      const returneeId = (await h.register()).body.id;
      const jobId = `job-${newId()}`;
      const early = await refer(returneeId, 'job', jobId);
      expect([early.status, early.body.code, early.headers['retry-after']]).toEqual([409, 'REFERRAL.TARGET_NOT_YET_KNOWN', '2']);
      const job = {
        jobId,
        employerOrgId: 'org-employer-1',
        title: 'Thợ hàn',
        occupationCode: '7212',
        skills: ['welding'],
        niceToHaveSkills: [],
        provinceCode: '40',
        communeCode: '16681',
        employmentType: 'stable' as const,
        openings: 2,
        filled: 0,
        wageMinVnd: 7_000_000,
        wageMaxVnd: 9_000_000,
        accommodation: false,
        stateAgency: false,
        verifiedEmployer: true,
      };
      await h.publish(jobPostedV1, { ...job, status: 'open' }, jobId);
      await waitFor('job heard of', async () => (await refer(returneeId, 'job', jobId)).status === 201, 40_000);
      const key = `refer-${jobId}`;
      const first = await refer(returneeId, 'job', jobId).set('Idempotency-Key', key);
      expect(first.status).toBe(201);
      await h.publish(jobUpdatedV1, { ...job, status: 'filled', filled: 2 }, jobId);
      await waitFor('job filled', async () => (await refer(returneeId, 'job', jobId)).body.code === 'REFERRAL.TARGET_CLOSED', 40_000);
      const retry = await refer(returneeId, 'job', jobId).set('Idempotency-Key', key);
      expect([retry.status, retry.headers['idempotent-replayed'], retry.body.id]).toEqual([201, 'true', first.body.id]);
    } finally {
      h.cases.ctx.settings.referralTargetCheck = false;
    }
  });
});
