import request from 'supertest';
import { jobPostedV1, profilePublishedV1 } from '@hoanhap/contracts';
import { job, PLACES, profile } from './support/fixtures';
import { startHarness, type Harness } from './support/matching-harness';

let h: Harness;
const inNgheAn = job({ title: 'Hàn tại Vinh', employerOrgId: 'org-a' });
const vinhPerson = profile({ skills: ['welding'] });
const haTinhPerson = profile({ ...PLACES.haTinh, skills: ['welding'] });
const ids = (body: { items: { returneeId: string }[] }) => body.items.map((i) => i.returneeId);

beforeAll(async () => {
  h = await startHarness();
  await h.publish(jobPostedV1, inNgheAn, inNgheAn.jobId);
  for (const p of [vinhPerson, haTinhPerson]) await h.publish(profilePublishedV1, p, p.returneeId);
  await h.settled(3);
});
afterAll(() => h.close());

describe('province isolation for officers', () => {
  it("when an officer asks for a returnee of another province, then 403 MATCHING.OTHER_PROVINCE and nothing of the person's matches", async () => {
    const res = await h.get(`/returnees/${haTinhPerson.returneeId}/jobs`, { role: 'officer', provinceCode: '40' }).expect(403);
    expect(res.body.code).toBe('MATCHING.OTHER_PROVINCE');
    expect(JSON.stringify(res.body)).not.toContain(inNgheAn.jobId);
    await h.get(`/returnees/${haTinhPerson.returneeId}/courses`, { role: 'officer', provinceCode: '40' }).expect(403);
    await h.get(`/returnees/${haTinhPerson.returneeId}/credit`, { role: 'officer', provinceCode: '40' }).expect(403);
  });

  it('when an officer of the returnee\'s province asks, then they get the matches', async () => {
    const res = await h.get(`/returnees/${haTinhPerson.returneeId}/jobs`, { role: 'officer', provinceCode: '42' }).expect(200);
    expect(res.body.items.map((i: { jobId: string }) => i.jobId)).toEqual([inNgheAn.jobId]);
  });

  it('when officers of two provinces ask for the candidates of one job, then each sees only people of their own province', async () => {
    const ngheAn = await h.get(`/jobs/${inNgheAn.jobId}/candidates`, { role: 'officer', provinceCode: '40' }).expect(200);
    const haTinh = await h.get(`/jobs/${inNgheAn.jobId}/candidates`, { role: 'officer', provinceCode: '42' }).expect(200);
    const haNoi = await h.get(`/jobs/${inNgheAn.jobId}/candidates`, { role: 'officer', provinceCode: '01' }).expect(200);
    expect([ids(ngheAn.body), ids(haTinh.body), ids(haNoi.body)]).toEqual([[vinhPerson.returneeId], [haTinhPerson.returneeId], []]);
    const admin = await h.get(`/jobs/${inNgheAn.jobId}/candidates`, { role: 'admin' }).expect(200);
    expect(ids(admin.body)).toEqual([vinhPerson.returneeId, haTinhPerson.returneeId]);
  });
});

describe('object-level access', () => {
  it('when an employer asks for the candidates of another organisation\'s job, then 403 MATCHING.NOT_YOUR_JOB', async () => {
    const res = await h.get(`/jobs/${inNgheAn.jobId}/candidates`, { role: 'employer', orgId: 'org-b' }).expect(403);
    expect(res.body.code).toBe('MATCHING.NOT_YOUR_JOB');
    await h.get(`/jobs/${inNgheAn.jobId}/candidates`, { role: 'employer', orgId: 'org-a' }).expect(200);
  });

  it('when a returnee asks, then they see their own matches and nobody else\'s', async () => {
    await h.get(`/returnees/${vinhPerson.returneeId}/jobs`, { role: 'returnee', sub: vinhPerson.returneeId }).expect(200);
    const other = await h.get(`/returnees/${haTinhPerson.returneeId}/jobs`, { role: 'returnee', sub: vinhPerson.returneeId }).expect(403);
    expect(other.body.code).toBe('MATCHING.NOT_YOURS');
  });

  it('when an employer, college or bank asks for a returnee\'s matches, then 403 AUTH.FORBIDDEN_ROLE', async () => {
    for (const role of ['employer', 'college', 'bank']) {
      const res = await h.get(`/returnees/${vinhPerson.returneeId}/jobs`, { role, orgId: 'org-a' }).expect(403);
      expect(res.body.code).toBe('AUTH.FORBIDDEN_ROLE');
    }
  });

  it('when the token is missing, expired or forged, then 401', async () => {
    const path = `/returnees/${vinhPerson.returneeId}/jobs`;
    const claims = { sub: 'u', role: 'admin' as const };
    await request(h.runtime.app).get(path).expect(401);
    await request(h.runtime.app).get(path).set('Authorization', `Bearer ${h.issuer.expired(claims)}`).expect(401);
    await request(h.runtime.app).get(path).set('Authorization', `Bearer ${h.issuer.forged(claims)}`).expect(401);
  });
});
