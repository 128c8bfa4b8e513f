import { waitFor } from '@hoanhap/testing';
import { startSystem, type Client, type System } from '../src';

// the demo officer's province and a commune of it (packages/reference DEMO)
const DEMO = { provinceCode: '40', communeCode: '16681' };

// starting the stack takes ~30 s on an idle 2-core machine, minutes when other suites share it
jest.setTimeout(900_000);

let system: System;
let officer: Client;
let employer: Client;
beforeAll(async () => {
  system = await startSystem({ label: 'invitation-loop' });
  officer = await system.login('officer@demo.vn');
  employer = await system.login('employer@demo.vn');
});
afterAll(async () => {
  await system?.close();
});

const eventually = <T>(what: string, probe: () => Promise<T | undefined>) => waitFor(what, probe, 180_000, 500);

/**
 * Issue 6 across services through the gateway and the real Kafka: an employer invites a candidate, the
 * returnee's officer approves, the referral becomes the employer's application, the hire closes the referral.
 */
describe('an employer invitation, end to end', () => {
  it('when the employer invites, the officer approves and the employer hires, then the referral in cases ends succeeded/hired', async () => {
    const job = await employer.post('/api/employers/jobs', {
      title: 'Thợ hàn',
      occupationCode: '7212',
      skills: ['welding'],
      provinceCode: DEMO.provinceCode,
      communeCode: DEMO.communeCode,
      employmentType: 'stable',
      openings: 2,
      wageMinVnd: 7_000_000,
      wageMaxVnd: 9_000_000,
      description: 'Hàn kết cấu thép',
      closesAt: '2099-12-31',
    });
    expect(job.status).toBe(201);
    const nationalId = `0${String(Date.now()).slice(-11)}`;
    const registered = await officer.post('/api/cases/returnees', {
      fullName: 'Phạm Văn Bình',
      dateOfBirth: '1991-03-04',
      gender: 'male',
      nationalId,
      address: { provinceCode: DEMO.provinceCode, communeCode: DEMO.communeCode },
      releaseDate: '2025-09-01',
      releaseKind: 'completed',
      sentence: { kind: 'prison', months: 24 },
      offenceCategory: 'theft',
      skills: ['welding'],
      needs: ['job'],
      consent: { matching: true, shareWithEmployers: true, shareWithColleges: true, shareWithBank: true, discoverable: true },
    });
    expect(registered.status).toBe(201);
    const returneeId = registered.body.id as string;

    // employers hears of the profile from Kafka: until then the invitation answers 409 …NOT_YET_KNOWN
    const invitation = await eventually('the invitation', async () => {
      const res = await employer.post('/api/employers/invitations', { jobId: job.body.id, returneeId });
      return res.status === 201 ? res.body : undefined;
    });
    const pending = await eventually('the pending invitation in cases', async () => {
      const res = await officer.get('/api/cases/invitations?status=pending');
      return res.body.items?.find((i: { id: string }) => i.id === invitation.id);
    });
    expect(pending).toMatchObject({ returneeId, jobId: job.body.id });
    // cases must have heard of the job too (409 REFERRAL.TARGET_NOT_YET_KNOWN until then)
    const approved = await eventually('approval', async () => {
      const res = await officer.post(`/api/cases/invitations/${invitation.id}/approve`, {});
      return res.status === 200 ? res.body : undefined;
    });
    const referralId = approved.referralId as string;

    const seen = await eventually('approved at the employer', async () => {
      const res = await employer.get('/api/employers/invitations');
      const mine = res.body.items?.find((i: { id: string }) => i.id === invitation.id);
      return mine?.status === 'approved' ? mine : undefined;
    });
    expect(seen.decision).toEqual({ referralId, at: expect.any(String) });
    expect(JSON.stringify(seen)).not.toMatch(/Phạm Văn Bình|officer|theft/);
    const application = await eventually('the application', async () => {
      const res = await employer.get(`/api/employers/jobs/${job.body.id}/applications`);
      return res.body.items?.find((a: { referralId: string }) => a.referralId === referralId);
    });
    const hired = await employer.request('PATCH', `/api/employers/applications/${application.id}`, {
      status: 'hired',
      startDate: '2099-02-01',
      contractType: 'fixed-term',
    });
    expect(hired.status).toBe(200);

    const closed = await eventually('the referral succeeded', async () => {
      const res = await officer.get(`/api/cases/referrals/${referralId}`);
      return res.body.status === 'succeeded' ? res.body : undefined;
    });
    expect(closed).toMatchObject({ returneeId, target: { kind: 'job', id: job.body.id }, side: { status: 'hired' } });
  });
});
