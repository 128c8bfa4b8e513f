/* eslint-disable @typescript-eslint/no-explicit-any -- replies are JSON read loosely, as a client would */
import { randomUUID } from 'node:crypto';
import { eventCatalogue } from '@hoanhap/contracts';
import { foldVietnamese } from '@hoanhap/reference';
import { waitFor } from '@hoanhap/testing';
import { startSystem, type Client, type System } from '../src';
import { eventually, recording, type Recorded } from './support/recorder';
import { startTopicTap, type TopicTap } from './support/raw-topic-tap';
import { vietnamToday } from './support/vietnam-day';

// eight processes and a closed loop through Kafka: minutes when other suites share the 2 cores
jest.setTimeout(900_000);

/** The returnee's secrets: none of them may reach any topic or any non-officer. */
const FULL_NAME = 'Khổng Thị Diễm Hương';
const GIVEN_NAME = 'Hương';
const NATIONAL_ID = '040191076543';
const PHONE = '0977314159';
const DATE_OF_BIRTH = '1991-10-07';
const ADDRESS_LINE = 'Xóm Bãi Ngang, số nhà 919';
const OFFENCE = 'human-trafficking';
const SENTENCE_MONTHS = 143;
const GRADE = 'C';
const GRADE_REASON = 'Mất liên lạc với tổ tự quản QX7';
const NOTE = 'Ghi chú nội bộ ZK41';

/** Every form in which a secret could travel, each with the test that finds it in a text. */
function needles(): { what: string; found: (text: string) => boolean }[] {
  const raw = (what: string, needle: string) => ({ what, found: (t: string) => t.includes(needle) });
  const folded = (what: string, needle: string) => ({ what, found: (t: string) => foldVietnamese(t).includes(foldVietnamese(needle)) });
  const nameWithoutGiven = FULL_NAME.split(' ').slice(0, -1).join(' '); // the given name alone may travel with consent
  return [
    raw('full name (NFC)', FULL_NAME.normalize('NFC')),
    raw('full name (NFD)', FULL_NAME.normalize('NFD')),
    folded('full name (accent-stripped, any normal form)', FULL_NAME),
    { what: 'full name read as NFC', found: (t) => t.normalize('NFC').includes(FULL_NAME.normalize('NFC')) },
    raw('family and middle names (NFC)', nameWithoutGiven.normalize('NFC')),
    raw('family and middle names (NFD)', nameWithoutGiven.normalize('NFD')),
    folded('family and middle names (accent-stripped)', nameWithoutGiven),
    raw('national ID', NATIONAL_ID),
    raw('national ID without its province prefix', NATIONAL_ID.slice(3)),
    raw('phone', PHONE),
    raw('phone without its leading 0 (+84 form)', PHONE.slice(1)),
    raw('date of birth', DATE_OF_BIRTH),
    folded('address line', ADDRESS_LINE),
    raw('offence category', OFFENCE),
    raw('offence (any spelling)', 'trafficking'),
    { what: 'offence key', found: (t) => /"offence/i.test(t) },
    { what: 'sentence key', found: (t) => /"sentence"/.test(t) },
    {
      what: 'sentence length',
      found: (t) => new RegExp(`"months"\\s*:\\s*${SENTENCE_MONTHS}\\b|\\b${SENTENCE_MONTHS} (tháng|months)`).test(t),
    },
    { what: 'sentence kind', found: (t) => /"prison"/.test(t) },
    { what: 'grade key', found: (t) => /"(risk)?grade(History)?"\s*:/i.test(t) },
    { what: 'grade value', found: (t) => new RegExp(`"grade"\\s*:\\s*"${GRADE}"`, 'i').test(t) },
    folded('grade reason', GRADE_REASON),
    folded('officer note', NOTE),
  ];
}

function leaks(text: string): string[] {
  return needles()
    .filter((n) => n.found(text))
    .map((n) => n.what);
}

const today = vietnamToday;

let system: System;
let tap: TopicTap;
const seen: Recorded[] = []; // every reply a non-officer received
const officerReplies: Recorded[] = [];
type Who = 'officer' | 'employer' | 'employer2' | 'college' | 'bank' | 'bank2';
const users = {} as Record<Who, Client>;
let bankOrgId: string;

beforeAll(async () => {
  // a shared machine can take more than the gateway's default 10 s per call
  system = await startSystem({ label: 'privacy-loop', env: { UPSTREAM_TIMEOUT_MS: '90000' } });
  tap = await startTopicTap(
    system.kafkaBrokers,
    system.topicPrefix,
    eventCatalogue.map((d) => d.topic),
  );
  for (const [who, email] of [
    ['officer', 'officer@demo.vn'],
    ['employer', 'employer@demo.vn'],
    ['employer2', 'employer2@demo.vn'],
    ['college', 'college@demo.vn'],
    ['bank', 'bank@demo.vn'],
    ['bank2', 'bank2@demo.vn'],
  ] as const) {
    const client = await system.login(email);
    users[who] = recording(who, client, who === 'officer' ? officerReplies : seen);
  }
  bankOrgId = (await users.bank.get('/auth/me')).body.orgId;
});

afterAll(async () => {
  await tap?.stop();
  await system?.close();
});

const expectStatus = (reply: { status: number; text: string }, status: number, what: string) => {
  if (reply.status !== status) throw new Error(`${what}: expected ${status}, got ${reply.status} ${reply.text.slice(0, 500)}`);
};

/** A create retried with one Idempotency-Key while the busy machine answers 5xx; 201 expected. */
async function created(client: Client, path: string, body: unknown, what: string) {
  const key = randomUUID();
  const reply = await eventually(
    what,
    () => client.post(path, body, { 'idempotency-key': key }),
    (r) => r.status < 500,
  );
  expectStatus(reply, 201, what);
  return reply.body;
}

const returneeBody = (overrides: Record<string, unknown> = {}) => ({
  fullName: FULL_NAME,
  dateOfBirth: DATE_OF_BIRTH,
  gender: 'female',
  nationalId: NATIONAL_ID,
  phone: PHONE,
  address: { provinceCode: '40', communeCode: '16681', line: ADDRESS_LINE },
  releaseDate: '2025-06-15',
  releaseKind: 'completed',
  sentence: { kind: 'prison', months: SENTENCE_MONTHS },
  offenceCategory: OFFENCE,
  restrictions: {
    bannedOccupations: [{ code: '8322', until: '2029-06-15' }],
    bannedAreas: [],
    supervisedCommune: null,
    noStateAgencyWork: true,
  },
  skills: ['welding'],
  needs: ['job', 'training', 'loan', 'id-card'],
  consent: { matching: true },
  ...overrides,
});

const FULL_CONSENT = {
  matching: true,
  shareWithEmployers: true,
  shareWithColleges: true,
  shareWithBank: true,
  discoverable: true,
  version: '2026-01',
  method: 'in-person',
};

const jobBody = (title: string) => ({
  title,
  occupationCode: '7212',
  skills: ['welding'],
  provinceCode: '40',
  communeCode: '16681',
  employmentType: 'stable',
  openings: 3,
  wageMinVnd: 7_000_000,
  wageMaxVnd: 9_000_000,
  description: 'Hàn kết cấu thép tại xưởng.',
  closesAt: '2099-12-31',
});

/** Refers, retrying while the target is not yet known to cases from events (409 with Retry-After). */
const refer = (returneeId: string, kind: string, id: string, key = randomUUID()) =>
  eventually(
    `referral to ${kind} ${id}`,
    () =>
      users.officer.post(
        '/api/cases/referrals',
        { returneeId, target: { kind, id }, note: 'Chăm chỉ, biết hàn' },
        { 'idempotency-key': key },
      ),
    (r) => r.status !== 409 && r.status < 500,
  );

describe('privacy across the whole system (issue 5 acceptance; ARCHITECTURE §2)', () => {
  it('when a full closed loop runs through the gateway as real users, then no event on any catalogue topic and no reply to an employer, college or bank holds the name (NFC, NFD, accent-stripped), national ID, phone, offence, sentence or grade', async () => {
    const { officer, employer, employer2, college, bank, bank2 } = users;

    // supply: a job, a second job for the invitation, a course with an open cohort
    const job = await created(employer, '/api/employers/jobs', jobBody('Thợ hàn kết cấu'), 'job');
    const job2 = await created(employer, '/api/employers/jobs', jobBody('Thợ hàn ống'), 'job');
    await employer2.get('/api/employers/jobs');
    const course = {
      body: await created(
        college,
        '/api/colleges/courses',
        {
          title: 'Hàn điện cơ bản',
          occupationCode: '7212',
          skillsGranted: ['welding', 'electrical-installation'],
          provinceCode: '40',
          startsAt: '2027-01-04',
          durationWeeks: 12,
          seats: 20,
          tuitionVnd: 0,
        },
        'course',
      ),
    };
    const cohortId = course.body.firstCohort.id as string;

    // the officer registers the returnee, then records consent, grade, note and Circular 10/2024 records
    const registered = { body: await created(officer, '/api/cases/returnees', returneeBody(), 'register') };
    const id = registered.body.id as string;
    expectStatus(await officer.request('PUT', `/api/cases/returnees/${id}/consent`, FULL_CONSENT), 200, 'consent');
    expectStatus(await officer.post(`/api/cases/returnees/${id}/grades`, { grade: GRADE, reason: GRADE_REASON }), 201, 'grade');
    expectStatus(await officer.post(`/api/cases/returnees/${id}/notes`, { text: NOTE }), 201, 'note');
    await officer.request('PUT', `/api/cases/returnees/${id}/reception`, { meetingOn: '2025-06-20', notes: NOTE });
    await officer.request('PUT', `/api/cases/returnees/${id}/information-sheet`, { completedOn: '2025-06-25', family: NOTE });
    expectStatus(await officer.post(`/api/cases/returnees/${id}/milestones`, { kind: 'id-card', on: '2025-07-01' }), 201, 'milestone');

    // matching proposes the job, the cohort and credit to the officer
    await eventually(
      'matching proposes the job',
      () => officer.get(`/api/matching/returnees/${id}/jobs?limit=50`),
      (r) => r.status === 200 && r.body.items.some((m: any) => m.jobId === job.id),
    );
    await eventually(
      'matching proposes the cohort',
      () => officer.get(`/api/matching/returnees/${id}/courses?limit=50`),
      (r) => r.status === 200 && r.body.items.some((m: any) => m.cohortId === cohortId),
    );
    await eventually(
      'matching proposes credit',
      () => officer.get(`/api/matching/returnees/${id}/credit`),
      (r) => r.status === 200 && r.body.items.some((m: any) => m.productCode === 'd22-production'),
    );

    // the officer refers to the job, the cohort and the loan product
    const jobReferral = await refer(id, 'job', job.id);
    const courseReferral = await refer(id, 'course', cohortId);
    const loanReferral = await refer(id, 'loan', 'd22-production');
    for (const r of [jobReferral, courseReferral, loanReferral]) expectStatus(r, 201, 'referral');

    // the employer: candidates from matching, the application, interview, hire, check-in, invitation
    await eventually(
      'the employer sees the candidate in matching',
      () => employer.get(`/api/matching/jobs/${job.id}/candidates`),
      (r) => r.status === 200 && r.body.items.some((c: any) => c.returneeId === id && c.givenName === GIVEN_NAME),
    );
    const applications = await eventually(
      'the application reaches the employer with the consented profile',
      () => employer.get(`/api/employers/jobs/${job.id}/applications`),
      (r) => r.status === 200 && r.body.items.some((a: any) => a.returneeId === id && a.candidate?.givenName === GIVEN_NAME),
    );
    const application = applications.body.items.find((a: any) => a.returneeId === id);
    expectStatus(await employer.get(`/api/employers/applications/${application.id}`), 200, 'open application');
    await employer.get('/api/employers/applications');
    expectStatus(
      await employer.request('PATCH', `/api/employers/applications/${application.id}`, {
        status: 'interview',
        interviewAt: '2026-12-10T09:00:00+07:00',
      }),
      200,
      'interview',
    );
    expectStatus(
      await employer.request('PATCH', `/api/employers/applications/${application.id}`, { status: 'hired', startDate: today() }),
      200,
      'hire',
    );
    const checkIn = await employer.post(`/api/employers/applications/${application.id}/check-ins`, {
      monthsAfterHire: 3,
      stillEmployed: true,
      on: today(),
    });
    expect(checkIn.status).toBeLessThan(300);
    const invitation = await eventually(
      'the invitation is accepted',
      () => employer.post('/api/employers/invitations', { jobId: job2.id, returneeId: id, message: 'Mời ứng tuyển thợ hàn ống' }),
      (r) => r.status !== 409 || r.body?.code !== 'RETURNEE.NOT_YET_KNOWN',
    );
    expect(invitation.status).toBeLessThan(300);
    if (eventCatalogue.some((d) => d.topic === 'cases.invitation.decided.v1')) {
      // cases answers invitations: the officer approves, which refers the returnee to the second job
      const pending = await eventually(
        'the invitation reaches the officer',
        () => officer.get(`/api/cases/invitations?status=pending&returneeId=${id}`),
        (r) => r.status === 200 && r.body.items.length > 0,
      );
      expectStatus(await officer.post(`/api/cases/invitations/${pending.body.items[0].id}/approve`, {}), 200, 'approve invitation');
      await eventually(
        'the employer sees the invitation answered',
        () => employer.get('/api/employers/invitations'),
        (r) => r.status === 200 && r.body.items.some((i: any) => i.returneeId === id && i.status !== 'pending'),
      );
      await eventually(
        'the invited application reaches the employer',
        () => employer.get(`/api/employers/jobs/${job2.id}/applications`),
        (r) => r.status === 200 && r.body.items.some((a: any) => a.returneeId === id),
      );
    }
    await employer.get('/api/employers/invitations');
    // a referral the officer takes back: the application is withdrawn on the employer's side
    const job3 = await created(employer, '/api/employers/jobs', jobBody('Thợ hàn bảo trì'), 'job');
    const spare = await refer(id, 'job', job3.id);
    expectStatus(spare, 201, 'spare referral');
    expectStatus(await officer.post(`/api/cases/referrals/${spare.body.id}/withdraw`), 200, 'withdraw');
    await eventually(
      'the withdrawn application on the employer side',
      () => employer.get(`/api/employers/jobs/${job3.id}/applications`),
      (r) => r.status === 200 && r.body.items.some((a: any) => a.returneeId === id && a.status === 'withdrawn'),
    );
    await employer.get('/api/employers/dashboard');
    await employer.get(`/api/employers/jobs/${job.id}`);
    await employer2.get(`/api/employers/applications/${application.id}`); // another organisation: 404

    // the college: the enrolment, the cohort running, completion and its certificate
    const enrolments = await eventually(
      'the enrolment reaches the college',
      () => college.get(`/api/colleges/courses/${course.body.id}/enrollments`),
      (r) => r.status === 200 && r.body.items.some((e: any) => e.returneeId === id),
    );
    const enrolment = enrolments.body.items.find((e: any) => e.returneeId === id);
    expectStatus(await college.get(`/api/colleges/enrollments/${enrolment.id}`), 200, 'enrolment');
    if (enrolment.status === 'new') await college.request('PATCH', `/api/colleges/enrollments/${enrolment.id}`, { status: 'enrolled' });
    expectStatus(await college.request('PATCH', `/api/colleges/cohorts/${cohortId}`, { status: 'running' }), 200, 'cohort running');
    const completed = await college.request('PATCH', `/api/colleges/enrollments/${enrolment.id}`, {
      status: 'completed',
      result: 'Đạt — loại khá',
    });
    expectStatus(completed, 200, 'completion');
    await college.post(`/api/colleges/enrollments/${enrolment.id}/attendance`, { date: today(), present: true });
    await college.get(`/api/colleges/enrollments/${enrolment.id}/attendance`);
    const certificateId = completed.body.certificateId ?? completed.body.certificate?.id;
    if (certificateId) await college.get(`/api/colleges/certificates/${certificateId}`);
    await college.get(`/api/colleges/cohorts/${cohortId}`);
    await college.get('/api/colleges/catalogue');

    // the bank: the officer files the loan for the referral; bank staff review, decide (four eyes), disburse
    const loan = await eventually(
      'the loan application (the returnee known to loans)',
      () =>
        officer.post('/api/loans/applications', {
          returneeId: id,
          referralId: loanReferral.body.id,
          branchOrgId: bankOrgId,
          purpose: 'production',
          amountVnd: 60_000_000,
          termMonths: 36,
          plan: 'Mở xưởng hàn nhỏ tại xã',
          borrower: { kind: 'household-representative', representativeName: 'Trần Văn Tư', relationship: 'chồng' },
          confirmation: { form: '01', number: '21/XN-UBND', issuedOn: '2026-11-20', communeCode: '16681' },
          savingsGroup: { name: 'Tổ TK&VV khối 5' },
          entrustedVia: 'hoi-phu-nu',
        }),
      (r) => r.status !== 409,
    );
    expectStatus(loan, 201, 'loan application');
    const pdf = Buffer.from('%PDF-1.4\n1 0 obj << /Type /Catalog >> endobj\ntrailer << /Root 1 0 R >>\n%%EOF\n', 'latin1');
    for (const kind of ['loan-request', 'use-of-funds-plan', 'commune-confirmation']) {
      const bytes = Buffer.concat([pdf, Buffer.from(`% ${kind}\n`)]);
      expectStatus(
        await officer.request('POST', `/api/loans/applications/${loan.body.id}/documents?kind=${kind}`, bytes, {
          'content-type': 'application/pdf',
        }),
        201,
        `upload ${kind}`,
      );
    }
    expectStatus(await officer.post(`/api/loans/applications/${loan.body.id}/submit`), 200, 'submit');
    await bank.get('/api/loans/applications?status=submitted');
    expectStatus(await bank.get(`/api/loans/applications/${loan.body.id}`), 200, 'bank reads the application');
    expectStatus(await bank.post(`/api/loans/applications/${loan.body.id}/assign`, {}), 200, 'assign');
    expectStatus(
      await bank.post(`/api/loans/applications/${loan.body.id}/notes`, {
        kind: 'assessment',
        text: 'Phương án khả thi',
        recommendation: 'approve',
      }),
      201,
      'assessment',
    );
    expectStatus(
      await bank2.post(`/api/loans/applications/${loan.body.id}/decision`, { decision: 'approved', reasons: [] }),
      200,
      'decision',
    );
    expectStatus(
      await bank.post(`/api/loans/applications/${loan.body.id}/disbursement`, { amountVnd: 60_000_000, on: today() }),
      201,
      'disbursement',
    );
    await bank.get(`/api/loans/applications/${loan.body.id}/schedule`);
    await bank.get(`/api/loans/applications/${loan.body.id}/documents/${loan.body.documents?.[0]?.id ?? 'none'}`);
    await bank.get('/api/loans/products');

    // milestones, a move to another commune, and the referrals closed by the other services' events
    for (const kind of ['job-started', 'loan-received', 'residence-registered'])
      expectStatus(await officer.post(`/api/cases/returnees/${id}/milestones`, { kind, on: today() }), 201, kind);
    expectStatus(await officer.post(`/api/cases/returnees/${id}/transfer`, { provinceCode: '40', communeCode: '17662' }), 202, 'transfer');
    expectStatus(await officer.post(`/api/cases/returnees/${id}/transfer/accept`), 200, 'accept transfer');
    await eventually(
      'every referral answered',
      () => officer.get(`/api/cases/referrals?returneeId=${id}`),
      (r) => {
        const answered = (referralId: string) => r.body.items?.find((x: any) => x.id === referralId)?.status === 'succeeded';
        return r.status === 200 && [jobReferral, courseReferral, loanReferral].every((x) => answered(x.body.id));
      },
    );
    await eventually(
      'the hire in the province report',
      () => officer.get('/api/reports/summary?provinceCode=40'),
      (r) => r.status === 200 && JSON.stringify(r.body).includes('"hires"'),
    );

    // what the other roles get when they ask for a file, statistics or reports: refusals that say nothing
    for (const who of [employer, college, bank]) {
      for (const path of [
        `/api/cases/returnees/${id}`,
        `/api/cases/returnees?q=${encodeURIComponent('Khong Thi Diem')}`,
        '/api/cases/statistics?provinceCode=40',
        `/api/cases/referrals?returneeId=${id}`,
        `/api/matching/returnees/${id}/jobs`,
        `/api/matching/returnees/${id}/credit`,
        '/api/reports/summary?provinceCode=40',
        '/api/reports/export?format=csv&provinceCode=40',
      ]) {
        const reply = await who.get(path);
        expect({ path, status: reply.status }).toEqual({ path, status: 403 });
      }
    }
    await college.get(`/api/matching/jobs/${job.id}/candidates`);
    await bank.get(`/api/matching/jobs/${job.id}/candidates`);

    // every catalogue topic carried events of this loop
    const counts = () => Object.fromEntries(eventCatalogue.map((d) => [d.topic, tap.of(d.topic).length]));
    await waitFor('an event on every catalogue topic', () => Object.values(counts()).every((n) => n > 0), 120_000, 500).catch(() => {
      throw new Error(`a catalogue topic stayed empty: ${JSON.stringify(counts())}`);
    });
    await waitFor(
      'the transfer and the last referral answers on the wire',
      () =>
        tap.of('cases.returnee.transferred.v1').some((m) => m.key === id) &&
        tap.of('cases.referral.status-changed.v1').filter((m) => m.value.includes('"succeeded"')).length >= 3,
      120_000,
      500,
    );
    const perTopic = counts();
    for (const topic of [
      'cases.returnee.profile-published.v1',
      'cases.referral.created.v1',
      'cases.referral.status-changed.v1',
      'cases.milestone.reached.v1',
      'employers.application.status-changed.v1',
      'colleges.enrolment.status-changed.v1',
      'loans.application.status-changed.v1',
    ])
      expect({ topic, atLeast2: perTopic[topic]! >= 2 }).toEqual({ topic, atLeast2: true });
    expect(tap.messages.length).toBeGreaterThan(40);
    expect(tap.messages.filter((m) => m.topic.endsWith('.dlq'))).toEqual([]);

    // the search itself: every message (key, headers, value) and every reply a non-officer received
    const leakedEvents = tap.messages
      .map((m) => ({ topic: m.topic, leaks: leaks(`${m.key}\n${JSON.stringify(m.headers)}\n${m.value}`) }))
      .filter((m) => m.leaks.length > 0);
    expect(leakedEvents).toEqual([]);
    expect(seen.length).toBeGreaterThan(40);
    const leakedReplies = seen
      .map((r) => ({ who: r.who, call: `${r.method} ${r.path}`, leaks: leaks(r.text) }))
      .filter((r) => r.leaks.length > 0);
    expect(leakedReplies).toEqual([]);
    // nor any sign that a restriction exists (ARCHITECTURE §4)
    const restricted = seen.filter((r) => /bannedOccupations|bannedAreas|noStateAgencyWork|supervisedCommune|"restrictions"/.test(r.text));
    expect(restricted.map((r) => `${r.who} ${r.method} ${r.path}`)).toEqual([]);

    // the search would have found them: the officer's own view holds every secret
    const ownView = await officer.get(`/api/cases/returnees/${id}`);
    expect(leaks(JSON.stringify(ownView.body))).toEqual(
      expect.arrayContaining(['full name (NFC)', 'national ID', 'phone', 'offence category', 'grade value']),
    );
    expect(leaks(FULL_NAME.normalize('NFD'))).toContain('full name (NFD)');
    expect(leaks(foldVietnamese(FULL_NAME).toUpperCase())).toContain('full name (accent-stripped, any normal form)');
  });

  it("when the returnee revokes consent, then through the real stack the profile leaves the employer's application view, the college's enrolment and matching's candidates, and the open referrals are withdrawn", async () => {
    const { officer, employer, college } = users;
    const job = await created(employer, '/api/employers/jobs', jobBody('Thợ hàn khung'), 'job');
    const course = {
      body: await created(
        college,
        '/api/colleges/courses',
        {
          title: 'Hàn cơ bản — khoá 2',
          occupationCode: '7212',
          skillsGranted: ['welding'],
          provinceCode: '40',
          startsAt: '2027-02-01',
          durationWeeks: 8,
          seats: 10,
          tuitionVnd: 0,
        },
        'course',
      ),
    };
    const cohortId = course.body.firstCohort.id as string;
    const registered = {
      body: await created(
        officer,
        '/api/cases/returnees',
        returneeBody({
          fullName: 'Quách Thị Yến Nhi',
          dateOfBirth: '1994-02-11',
          nationalId: '040194055511',
          phone: '0966100200',
          consent: { matching: true, shareWithEmployers: true, shareWithColleges: true, shareWithBank: true, discoverable: true },
        }),
        'register',
      ),
    };
    const id = registered.body.id as string;
    const jobReferral = await refer(id, 'job', job.id);
    const courseReferral = await refer(id, 'course', cohortId);
    expectStatus(jobReferral, 201, 'job referral');
    expectStatus(courseReferral, 201, 'course referral');

    const applicationOf = (r: any) => r.body.items?.find((a: any) => a.returneeId === id);
    const enrolmentOf = (r: any) => r.body.items?.find((e: any) => e.returneeId === id);
    await eventually(
      'the employer sees the consented profile',
      () => employer.get(`/api/employers/jobs/${job.id}/applications`),
      (r) => r.status === 200 && applicationOf(r)?.candidate?.givenName === 'Nhi',
    );
    await eventually(
      'matching proposes the candidate',
      () => employer.get(`/api/matching/jobs/${job.id}/candidates`),
      (r) => r.status === 200 && r.body.items.some((c: any) => c.returneeId === id),
    );
    const enrolment = enrolmentOf(
      await eventually(
        'the college sees the consented profile',
        () => college.get(`/api/colleges/courses/${course.body.id}/enrollments`),
        (r) => r.status === 200 && JSON.stringify(enrolmentOf(r) ?? {}).includes('Nhi'),
      ),
    );

    const revoked = await officer.request('PUT', `/api/cases/returnees/${id}/consent`, {
      matching: false,
      shareWithEmployers: false,
      shareWithColleges: false,
      shareWithBank: false,
      discoverable: false,
      version: '2026-01',
      method: 'paper-form',
      note: 'rút lại đồng ý',
    });
    expectStatus(revoked, 200, 'revoke');

    const application = applicationOf(
      await eventually(
        "the profile leaves the employer's application view and the application is withdrawn",
        () => employer.get(`/api/employers/jobs/${job.id}/applications`),
        (r) => r.status === 200 && applicationOf(r)?.candidate === null && applicationOf(r)?.status === 'withdrawn',
      ),
    );
    expect(JSON.stringify(application)).not.toContain('Nhi');
    expect(JSON.stringify((await employer.get(`/api/employers/applications/${application.id}`)).body)).not.toContain('Nhi');
    await eventually(
      'matching stops proposing the candidate',
      () => employer.get(`/api/matching/jobs/${job.id}/candidates`),
      (r) => r.status === 200 && !r.body.items.some((c: any) => c.returneeId === id),
    );
    await eventually(
      "the profile leaves the college's enrolment and the enrolment is withdrawn",
      () => college.get(`/api/colleges/enrollments/${enrolment.id}`),
      (r) => r.status === 200 && !JSON.stringify(r.body).includes('Nhi') && r.body.status === 'withdrawn',
    );
    const referrals = await eventually(
      'both referrals withdrawn for the revoked consent',
      () => officer.get(`/api/cases/referrals?returneeId=${id}`),
      (r) => r.status === 200 && r.body.items.length === 2 && r.body.items.every((x: any) => x.status === 'withdrawn'),
    );
    expect(referrals.body.items.map((x: any) => x.id).sort()).toEqual([jobReferral.body.id, courseReferral.body.id].sort());
    // and no new referral can be made without the consent
    expect((await officer.post('/api/cases/referrals', { returneeId: id, target: { kind: 'job', id: job.id } })).body.code).toBe(
      'REFERRAL.CONSENT_MISSING',
    );
  });
});
