import { randomUUID } from 'node:crypto';
import {
  applicationStatusChangedV1,
  type ApplicationStatusChangedV1,
  employmentCheckedV1,
  type EmploymentCheckedV1,
  type EventDefinition,
  type EventEnvelope,
  invitationRequestedV1,
  type InvitationRequestedV1,
  jobPostedV1,
  type JobPostedV1,
  jobUpdatedV1,
  type JobUpdatedV1,
  profilePublishedV1,
  referralCreatedV1,
  referralWithdrawnV1,
} from '@hoanhap/contracts';
import { waitFor } from '@hoanhap/testing';
import { keysDeep, profileOf, referralTo, SECTION6_JOB, SENSITIVE_KEYS } from './support/fixtures';
import { type Harness, startHarness } from './support/employers-harness';

/**
 * The closed loop through the real Kafka: cases' events in, applications
 * and their status changes out, as cases and matching would see them.
 */
let h: Harness;
let received: EventEnvelope[];
/** What the service published on one topic, as read back from Kafka. */
const published = <P>(definition: EventDefinition<P>) => received.filter((e) => e.type === definition.type) as EventEnvelope<P>[];
const orgA = `org-a-${randomUUID()}`;
const orgB = `org-b-${randomUUID()}`;
let employerA: string;
let employerB: string;

beforeAll(async () => {
  h = await startHarness({ kafka: true });
  received = await h.collect!(applicationStatusChangedV1, jobPostedV1, jobUpdatedV1, invitationRequestedV1, employmentCheckedV1);
  employerA = h.bearer('employer', orgA);
  employerB = h.bearer('employer', orgB);
});
afterAll(() => h.close());

async function postJob(body: object = SECTION6_JOB, auth = employerA): Promise<string> {
  const res = await h.api().post('/jobs').set('Authorization', auth).send(body);
  expect(res.status).toBe(201);
  return res.body.id;
}

/** Publishes a profile and a referral into Kafka, as cases does, and waits for the application to appear. */
async function refer(jobId: string, share = true) {
  const referral = referralTo(jobId);
  await h.publish!(profilePublishedV1, profileOf(referral.returneeId, 1, share), referral.returneeId);
  await h.publish!(referralCreatedV1, referral, referral.referralId);
  const application = await waitFor('the application', async () => {
    const list = await h.api().get(`/jobs/${jobId}/applications`).set('Authorization', employerA);
    return list.body.items.find((a: { referralId: string }) => a.referralId === referral.referralId);
  });
  await waitFor('the profile', async () => (share ? h.employers.ctx.profiles.findById(referral.returneeId) : true));
  return { referral, application: application as { id: string; status: string } };
}

describe('applications from referrals', () => {
  it('when cases refers a returnee, then the employer sees a new application with the consented profile and nothing sensitive', async () => {
    const jobId = await postJob();
    const { referral, application } = await refer(jobId);
    const res = await h.api().get(`/applications/${application.id}`).set('Authorization', employerA);
    expect(res.status).toBe(200);
    expect(res.body).toMatchObject({ referralId: referral.referralId, returneeId: referral.returneeId, jobId, status: 'new' });
    expect(res.body.candidate).toEqual({
      givenName: 'An',
      skills: ['welding'],
      certificates: [{ skills: ['welding'], issuedOn: '2025-06-01' }],
      availableFrom: '2025-10-01',
    });
    for (const payload of [res.body, (await h.api().get(`/jobs/${jobId}/applications`).set('Authorization', employerA)).body]) {
      expect(keysDeep(payload).filter((k) => SENSITIVE_KEYS.includes(k))).toEqual([]);
      const text = JSON.stringify(payload);
      for (const value of [
        'noStateAgencyWork',
        'amnesty',
        'releaseKind',
        'ageYears',
        'police-org',
        'officerOrgId',
        'drug-possession',
        'Nguyễn Văn An',
        '001090012345',
        '0912345678',
      ])
        expect(text).not.toContain(value);
    }
  });

  it('when the employer first opens an application, then status-changed (new, openedAt) reaches Kafka once', async () => {
    const { application } = await refer(await postJob());
    await h.api().get(`/applications/${application.id}`).set('Authorization', employerA);
    await h.api().get(`/applications/${application.id}`).set('Authorization', employerA);
    const opened = await waitFor('the opened event', () =>
      published<ApplicationStatusChangedV1>(applicationStatusChangedV1).find((e) => e.payload.applicationId === application.id),
    );
    expect(opened.payload).toMatchObject({ status: 'new', openedAt: expect.any(String) });
    await new Promise((r) => setTimeout(r, 300));
    expect(
      published<ApplicationStatusChangedV1>(applicationStatusChangedV1).filter((e) => e.payload.applicationId === application.id),
    ).toHaveLength(1);
  });

  it('when the returnee revokes shareWithEmployers (a new revision without employerView), then the profile is hidden at once', async () => {
    const { referral, application } = await refer(await postJob());
    await h.publish!(profilePublishedV1, profileOf(referral.returneeId, 2, false), referral.returneeId);
    const hidden = await waitFor('the hidden profile', async () => {
      const res = await h.api().get(`/applications/${application.id}`).set('Authorization', employerA);
      return res.body.candidate === null ? res.body : undefined;
    });
    expect(JSON.stringify(hidden)).not.toContain('"An"');
    // an older revision arriving late does not bring it back
    await h.publish!(profilePublishedV1, profileOf(referral.returneeId, 1, true), referral.returneeId);
    await new Promise((r) => setTimeout(r, 500));
    expect((await h.api().get(`/applications/${application.id}`).set('Authorization', employerA)).body.candidate).toBeNull();
  });

  it('when cases withdraws the referral, then the application is withdrawn and further moves are 409', async () => {
    const { referral, application } = await refer(await postJob());
    await h.publish!(
      referralWithdrawnV1,
      {
        referralId: referral.referralId,
        returneeId: referral.returneeId,
        target: referral.target,
        reason: 'officer',
        at: new Date().toISOString(),
      },
      referral.referralId,
    );
    await waitFor('the withdrawal', async () => (await h.employers.ctx.applications.findById(application.id))?.status === 'withdrawn');
    const move = await h.api().patch(`/applications/${application.id}`).set('Authorization', employerA).send({ status: 'offered' });
    expect(move.status).toBe(409);
    expect(move.body.code).toBe('APPLICATION.TRANSITION_ILLEGAL');
  });

  it('when the withdrawal overtakes the referral, then the application is born withdrawn and the late referral changes nothing', async () => {
    const jobId = await postJob();
    const referral = referralTo(jobId);
    const withdrawal = {
      referralId: referral.referralId,
      returneeId: referral.returneeId,
      target: referral.target,
      reason: 'consent-revoked' as const,
      at: new Date().toISOString(),
    };
    await h.publish!(referralWithdrawnV1, withdrawal, referral.referralId);
    const event = await waitFor('the withdrawn event', () =>
      published<ApplicationStatusChangedV1>(applicationStatusChangedV1).find((e) => e.payload.referralId === referral.referralId),
    );
    expect(event.payload).toMatchObject({ status: 'withdrawn', reason: 'consent-revoked' });
    await h.publish!(referralCreatedV1, referral, referral.referralId);
    await new Promise((r) => setTimeout(r, 500));
    const list = await h.api().get(`/jobs/${jobId}/applications`).set('Authorization', employerA);
    expect(list.body.items.map((a: { status: string }) => a.status)).toEqual(['withdrawn']);
  });

  it("when employer B reads, lists or moves A's application, then 404 each time", async () => {
    const jobId = await postJob();
    const { application } = await refer(jobId);
    expect((await h.api().get(`/applications/${application.id}`).set('Authorization', employerB)).status).toBe(404);
    expect(
      (await h.api().patch(`/applications/${application.id}`).set('Authorization', employerB).send({ status: 'offered' })).status,
    ).toBe(404);
    const listed = await h.api().get('/applications?limit=200').set('Authorization', employerB);
    expect(listed.body.items).toEqual([]);
    expect((await h.api().get(`/applications/${application.id}`).set('Authorization', employerA)).body.status).toBe('new');
  });
});

describe('PATCH /applications/{id}', () => {
  it('when moves follow the table, then 200; an illegal move is 409 problem+json; a field of another status or a reason off the list is 400', async () => {
    const { application } = await refer(await postJob());
    const patch = (body: object) => h.api().patch(`/applications/${application.id}`).set('Authorization', employerA).send(body);
    const stray = await patch({ status: 'interview', startDate: '2099-01-05' });
    expect(stray.status).toBe(400);
    expect(stray.body.errors[0].field).toBe('startDate');
    expect((await patch({ status: 'interview', interviewAt: '2099-01-05T09:00:00+07:00' })).body.status).toBe('interview');
    expect((await patch({ status: 'offered' })).body.status).toBe('offered');
    const back = await patch({ status: 'interview', interviewAt: '2099-01-06T09:00:00+07:00' });
    expect(back.status).toBe(409);
    expect(back.headers['content-type']).toMatch(/^application\/problem\+json/);
    expect(back.body).toMatchObject({ code: 'APPLICATION.TRANSITION_ILLEGAL', from: 'offered', to: 'interview' });
    expect((await patch({ status: 'declined', reason: 'not-on-the-list' })).body.errors[0].field).toBe('reason');
    const declined = await patch({ status: 'declined', reason: 'skills-mismatch', reasonNote: 'cần thợ hàn TIG' });
    expect(declined.body).toMatchObject({ status: 'declined', reason: 'skills-mismatch' });
  });

  it('when the employer hires through the API, then job.posted, status-changed (hired, referralId) and the job update reach Kafka — the round trip cases closes', async () => {
    const jobId = await postJob({ ...SECTION6_JOB, openings: 1 });
    const posted = await waitFor('the posted event', () => published<JobPostedV1>(jobPostedV1).find((e) => e.key === jobId));
    expect(posted.payload).toMatchObject({ status: 'open', openings: 1, filled: 0, employerOrgId: orgA, verifiedEmployer: false });
    const { referral, application } = await refer(jobId);
    const hired = await h
      .api()
      .patch(`/applications/${application.id}`)
      .set('Authorization', employerA)
      .send({ status: 'hired', startDate: '2099-02-01', contractType: 'fixed-term' });
    expect(hired.status).toBe(200);
    const event = await waitFor('the hired event', () =>
      published<ApplicationStatusChangedV1>(applicationStatusChangedV1).find(
        (e) => e.payload.applicationId === application.id && e.payload.status === 'hired',
      ),
    );
    expect(event.payload).toMatchObject({
      referralId: referral.referralId,
      returneeId: referral.returneeId,
      jobId,
      startDate: '2099-02-01',
      contractType: 'fixed-term',
      employmentType: 'stable',
    });
    expect(event.producer).toBe('employers');
    const update = await waitFor('the job update', () =>
      published<JobUpdatedV1>(jobUpdatedV1).find((e) => e.key === jobId && e.payload.filled === 1),
    );
    expect(update.payload.status).toBe('filled');
    expect((await h.api().get(`/jobs/${jobId}`).set('Authorization', employerA)).body).toMatchObject({ filled: 1, status: 'filled' });
  });
});

describe('events for cases and reports', () => {
  it('when an employer invites a discoverable candidate and checks on a hire, then invitation.requested and employment.checked reach Kafka', async () => {
    const jobId = await postJob();
    const { referral, application } = await refer(jobId);
    const invited = await h.api().post('/invitations').set('Authorization', employerA).send({ jobId, returneeId: referral.returneeId });
    expect(invited.status).toBe(201);
    const invitation = await waitFor('the invitation event', () =>
      published<InvitationRequestedV1>(invitationRequestedV1).find((e) => e.key === invited.body.id),
    );
    expect(invitation.payload).toMatchObject({ jobId, returneeId: referral.returneeId, employerOrgId: orgA });

    await h.api().patch(`/applications/${application.id}`).set('Authorization', employerA).send({ status: 'hired' });
    const checked = await h
      .api()
      .post(`/applications/${application.id}/check-ins`)
      .set('Authorization', employerA)
      .send({ monthsAfterHire: 3, stillEmployed: true });
    expect(checked.status).toBe(201);
    const event = await waitFor('the check-in event', () =>
      published<EmploymentCheckedV1>(employmentCheckedV1).find((e) => e.key === application.id),
    );
    expect(event.payload).toMatchObject({ returneeId: referral.returneeId, jobId, monthsAfterHire: 3, stillEmployed: true });
  });
});
