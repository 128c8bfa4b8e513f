import { randomUUID } from 'node:crypto';
import { certificateIssuedV1, cohortPublishedV1, jobPostedV1, loanProductPublishedV1, profilePublishedV1 } from '@hoanhap/contracts';
import { syntheticLoanProducts } from '../src/synthetic/synthetic-offers';
import { cohort, job, PLACES, profile } from './support/fixtures';
import { startHarness, type Harness } from './support/matching-harness';

let h: Harness;
const OFFICER = { role: 'officer', provinceCode: '40' };
const mason = profile({ skills: ['masonry'], needs: ['job', 'training'] });
const entrepreneur = profile({ skills: ['cooking'], needs: ['job', 'loan'], goal: 'Tự kinh doanh quán ăn' });
const windowClosed = profile({ skills: ['cooking'], goal: 'Mở cửa hàng' }, { bankView: { givenName: 'Bình', ...PLACES.vinh, creditWindowEndsOn: '2026-01-01', releaseKindEligible: true } });
const noBank = profile({ skills: ['cooking'], goal: 'self-employment' }, { bankView: undefined });
const jobs = [
  job({ skills: ['welding'] }),
  job({ ...PLACES.doLuong, skills: ['welding'] }),
  job({ ...PLACES.haTinh, skills: ['welding'] }),
  job({ skills: ['plumbing'], occupationCode: '7126' }),
];
const welding = cohort({ title: 'Hàn', occupationCode: '7212', skillsGranted: ['welding'] });
const plumbing = cohort({ title: 'Cấp thoát nước', occupationCode: '7126', skillsGranted: ['plumbing'], tuitionVnd: 3_000_000 });
const masonry = cohort({ title: 'Nề', occupationCode: '7112', skillsGranted: ['masonry'] });
const inPrison = cohort({ title: 'Trong trại', skillsGranted: ['welding'], delivery: 'prison' });
const cohortIds = (body: { items: { cohortId: string }[] }) => body.items.map((c) => c.cohortId);

beforeAll(async () => {
  h = await startHarness();
  for (const p of [mason, entrepreneur, windowClosed, noBank]) await h.publish(profilePublishedV1, p, p.returneeId);
  for (const j of jobs) await h.publish(jobPostedV1, j, j.jobId);
  for (const c of [welding, plumbing, masonry, inPrison]) await h.publish(cohortPublishedV1, c, c.cohortId);
  for (const p of syntheticLoanProducts()) await h.publish(loanProductPublishedV1, p, p.productCode);
  await h.settled(4 + jobs.length + 4 + 3);
});
afterAll(() => h.close());

describe('GET /returnees/{id}/courses', () => {
  it('when nearby jobs ask most for a skill the person lacks, then the course granting it ranks first, with the gap in words', async () => {
    const res = await h.get(`/returnees/${mason.returneeId}/courses`, OFFICER).expect(200);
    expect(cohortIds(res.body)).toEqual([welding.cohortId, plumbing.cohortId, masonry.cohortId]);
    expect(res.body.items[0].skillGap).toEqual([{ skill: 'welding', openJobs: 3 }]);
    const gapReason = res.body.items[0].reasons.find((r: { code: string }) => r.code === 'skill-gap');
    expect(gapReason.vi).toContain('3 việc làm');
    expect(gapReason.en).toContain('3 jobs');
  });

  it('when a certificate is issued, then its skills count at once: the welding course closes no gap and welding jobs fit', async () => {
    await h.publish(certificateIssuedV1, { certificateId: randomUUID(), returneeId: mason.returneeId, cohortId: welding.cohortId, number: 'HN-001', skills: ['welding'], occupationCode: '7212', issuedOn: '2026-11-20' }, mason.returneeId);
    await h.settled(4 + jobs.length + 4 + 3 + 1);
    const courses = await h.get(`/returnees/${mason.returneeId}/courses`, OFFICER).expect(200);
    expect(cohortIds(courses.body)[0]).toBe(plumbing.cohortId);
    const matches = await h.get(`/returnees/${mason.returneeId}/jobs`, OFFICER).expect(200);
    expect(matches.body.items[0].reasons.map((r: { code: string }) => r.code)).toContain('skills-required');
  });
});

describe('GET /returnees/{id}/credit', () => {
  it('when self-employment is the goal and the person may borrow, then the production loan is proposed, eligible, with reasons', async () => {
    const res = await h.get(`/returnees/${entrepreneur.returneeId}/credit`, OFFICER).expect(200);
    expect(res.body.items.map((i: { productCode: string }) => i.productCode)).toEqual(['d22-production']);
    expect(res.body.items[0]).toMatchObject({ eligibility: 'eligible', maxAmountVnd: 100_000_000 });
    expect(res.body.items[0].reasons.map((r: { vi: string }) => r.vi)).toContain('Mục tiêu tự kinh doanh, sản xuất');
  });

  it('when training is needed, then the training loan is proposed; a business loan never is', async () => {
    const res = await h.get(`/returnees/${mason.returneeId}/credit`, OFFICER).expect(200);
    expect(res.body.items.map((i: { productCode: string }) => i.productCode)).toEqual(['d22-training']);
  });

  it('when the credit window has closed, then nothing is proposed; without bank facts eligibility is unknown', async () => {
    expect((await h.get(`/returnees/${windowClosed.returneeId}/credit`, OFFICER).expect(200)).body.items).toEqual([]);
    const unknown = await h.get(`/returnees/${noBank.returneeId}/credit`, OFFICER).expect(200);
    expect(unknown.body.items.map((i: { eligibility: string }) => i.eligibility)).toEqual(['unknown']);
  });
});
