import {
  applicationStatusChangedV1,
  certificateIssuedV1,
  enrolmentStatusChangedV1,
  eventCatalogue,
  invitationRequestedV1,
  loanApplicationStatusChangedV1,
  SENSITIVE_FIELD_NAMES,
} from '@hoanhap/contracts';
import { foldVietnamese } from '@hoanhap/reference';
import { waitFor } from '@hoanhap/testing';
import { startTap, type EventTap } from './support/event-tap';
import { newId, sideEvents } from './support/side-events';
import { exampleReturnee, startCases, type Harness } from './support/cases-harness';

// Kafka round trips: seconds when the machine is idle, much more when two cores are shared by many suites
jest.setTimeout(120_000);

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

const FULL_NAME = 'Nguyễn Văn An';
const NATIONAL_ID = '040090099887';
const PHONE = '0987001122';
const ADDRESS_LINE = 'Khối 7, đường Lê Lợi';

function keysDeep(value: unknown, out = new Set<string>()): Set<string> {
  if (Array.isArray(value)) value.forEach((v) => keysDeep(v, out));
  else if (value && typeof value === 'object') {
    for (const [k, v] of Object.entries(value)) {
      out.add(k);
      keysDeep(v, out);
    }
  }
  return out;
}

describe('privacy: nothing that identifies a returnee or their conviction leaves cases (ARCHITECTURE §2, EVENTS.md)', () => {
  it('when a full loop runs (register, grade, consent, refer, answers, certificate, milestone, transfer), then no cases.* event holds the name (NFC, NFD, unaccented), national ID, phone, address line, offence, sentence or grade', async () => {
    const officer = h.as('officer40');
    const body = {
      ...exampleReturnee(),
      fullName: FULL_NAME,
      nationalId: NATIONAL_ID,
      phone: PHONE,
      address: { provinceCode: '40', communeCode: '16681', line: ADDRESS_LINE },
      offenceCategory: 'drug-trafficking',
      sentence: { kind: 'prison', months: 97 },
    };
    const id = (await officer.post('/returnees').send({ ...body, consent: { matching: true } })).body.id as string;
    await officer.post(`/returnees/${id}/grades`).send({ grade: 'C', reason: 'nguy cơ tái phạm' }).expect(201);
    await officer
      .put(`/returnees/${id}/consent`)
      .send({
        matching: true,
        shareWithEmployers: true,
        shareWithColleges: true,
        shareWithBank: true,
        discoverable: true,
        version: '2026-01',
        method: 'in-person',
      })
      .expect(200);
    await officer
      .patch(`/returnees/${id}`)
      .send({ skills: ['welding', 'masonry'], restrictions: { noStateAgencyWork: true, noStateAgencyWorkUntil: '2027-09-01' } })
      .expect(200);

    const job = (await officer.post('/referrals').send({ returneeId: id, target: { kind: 'job', id: 'job-p' }, note: 'ứng viên chăm chỉ' }))
      .body.id as string;
    const course = (await officer.post('/referrals').send({ returneeId: id, target: { kind: 'course', id: 'cohort-p' } })).body
      .id as string;
    const loan = (await officer.post('/referrals').send({ returneeId: id, target: { kind: 'loan', id: 'vbsp-production' } })).body
      .id as string;
    const spare = (await officer.post('/referrals').send({ returneeId: id, target: { kind: 'job', id: 'job-q' } })).body.id as string;
    await officer.post(`/referrals/${spare}/withdraw`).expect(200);

    const [applicationId, enrolmentId, loanId] = [newId(), newId(), newId()];
    await h.publish(
      applicationStatusChangedV1,
      sideEvents.application(job, id, applicationId, 'new', { openedAt: new Date().toISOString() }),
      applicationId,
    );
    await h.publish(
      applicationStatusChangedV1,
      sideEvents.application(job, id, applicationId, 'hired', { startDate: '2026-03-01' }),
      applicationId,
    );
    await h.publish(enrolmentStatusChangedV1, sideEvents.enrolment(course, id, enrolmentId, 'completed'), enrolmentId);
    await h.publish(
      loanApplicationStatusChangedV1,
      sideEvents.loan(loan, id, loanId, 'rejected', { reasons: ['outstanding-debt'] }),
      loanId,
    );
    await h.publish(
      certificateIssuedV1,
      {
        certificateId: newId(),
        returneeId: id,
        cohortId: 'cohort-p',
        number: 'CC-2026-001',
        skills: ['welding-mig'],
        occupationCode: '7212',
        issuedOn: '2026-02-01',
      },
      id,
    );
    await officer.post(`/returnees/${id}/milestones`).send({ kind: 'job-started', on: '2026-03-01' }).expect(201);
    // an employer's invitation: answered by the officer (or at once when the person is not invitable)
    const invitationId = newId();
    await h.publish(
      invitationRequestedV1,
      {
        invitationId,
        jobId: 'job-p',
        employerOrgId: 'org-employer-1',
        returneeId: id,
        requestedBy: 'employer-user-1',
        at: new Date().toISOString(),
      },
      invitationId,
    );
    await waitFor('the invitation to arrive', async () => (await h.as('admin').get(`/invitations/${invitationId}`)).status === 200, 45_000);
    const invited = await h.as('admin').get(`/invitations/${invitationId}`);
    if (invited.body.status === 'pending') {
      await officer.post(`/invitations/${invitationId}/decline`).send({ reason: 'other', note: FULL_NAME }).expect(200);
    }
    await officer.post(`/returnees/${id}/transfer`).send({ provinceCode: '01', communeCode: '00004' }).expect(202);
    await h.as('officer01').post(`/returnees/${id}/transfer/accept`).expect(200);

    // every cases.* topic has carried something for this returnee, and the answers have come back
    const produced = eventCatalogue.filter((d) => d.producer === 'cases').map((d) => d.topic);
    await waitFor('every cases.* topic', () => produced.every((topic) => tap.of(topic).length > 0), 45_000);
    await tap.next('cases.referral.status-changed.v1', (p) => p.referralId === loan && p.status === 'declined');
    await tap.next('cases.returnee.profile-published.v1', (p) => JSON.stringify(p).includes('welding-mig'), id);
    await tap.next(
      'cases.returnee.profile-published.v1',
      (p) => (p.matching as { provinceCode?: string } | undefined)?.provinceCode === '01',
      id,
    );

    const forbidden = [
      FULL_NAME.normalize('NFC'),
      FULL_NAME.normalize('NFD'),
      foldVietnamese(FULL_NAME),
      'Nguyen Van An',
      'Nguyễn',
      NATIONAL_ID,
      PHONE,
      ADDRESS_LINE,
      'Khối 7',
      'drug-trafficking',
      'drug',
      'prison',
      'nguy cơ tái phạm',
    ];
    expect(tap.events.length).toBeGreaterThan(15);
    for (const envelope of tap.events) {
      const text = JSON.stringify(envelope);
      for (const needle of forbidden)
        expect({ topic: envelope.type, leaked: text.includes(needle) ? needle : null }).toEqual({ topic: envelope.type, leaked: null });
      expect(text.normalize('NFC').includes(FULL_NAME)).toBe(false);
      expect(text.normalize('NFD').includes(FULL_NAME.normalize('NFD'))).toBe(false);
      expect(foldVietnamese(text).includes(foldVietnamese(FULL_NAME))).toBe(false);
      const keys = keysDeep(envelope.payload);
      for (const name of SENSITIVE_FIELD_NAMES) expect(keys.has(name)).toBe(false);
      expect(text).not.toMatch(/"grade"|"offence|"sentence"|"months"|"nationalId"|"phone"/);
      expect(text).not.toMatch(/"grade":"[ABCD]"/);
      expect(text).not.toMatch(/:97[,}]/); // the sentence, 97 months
    }
    // the only part of the name that travels is the given name, in the consented views
    const views = tap
      .of('cases.returnee.profile-published.v1', id)
      .map((e) => e.payload.employerView as { givenName?: string } | undefined);
    expect(views.filter(Boolean).every((v) => v!.givenName === 'An')).toBe(true);
  });
});
