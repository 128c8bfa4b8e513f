import { randomUUID } from 'node:crypto';
import { jobPostedV1, jobUpdatedV1, profilePublishedV1 } from '@hoanhap/contracts';
import { job, PLACES, profile } from './support/fixtures';
import { startHarness, type Harness } from './support/matching-harness';

let h: Harness;
const OFFICER = { role: 'officer', provinceCode: '40' };
const EMPLOYER = { role: 'employer', orgId: 'org-welders' };
const sameCommune = job({ title: 'Hàn tại Vinh' });
const sameProvince = job({ ...PLACES.doLuong, title: 'Hàn tại Đô Lương' });
const neighbour = job({ ...PLACES.haTinh, title: 'Hàn tại Hà Tĩnh' });
const far = job({ ...PLACES.haNoi, title: 'Hàn tại Hà Nội' });
const closing = job({ title: 'Sắp đóng' });
const seeker = profile({ skills: ['welding'], prefersStable: true });
const shy = profile({ skills: ['welding'] }, { consent: { matching: true, discoverable: false, shareWithEmployers: true, shareWithColleges: true, shareWithBank: true } });
const unnamed = profile({ skills: ['welding'], needs: ['job', 'housing'] }, { employerView: undefined, consent: { matching: true, discoverable: true, shareWithEmployers: false, shareWithColleges: false, shareWithBank: false } });
const revoking = profile({ skills: ['welding'] });

const ids = (body: { items: { jobId?: string; returneeId?: string }[] }) => body.items.map((i) => i.jobId ?? i.returneeId);

beforeAll(async () => {
  h = await startHarness();
  for (const j of [sameCommune, sameProvince, neighbour, far, closing]) await h.publish(jobPostedV1, j, j.jobId);
  for (const p of [seeker, shy, unnamed, revoking]) await h.publish(profilePublishedV1, p, p.returneeId);
  await h.settled(9);
});
afterAll(() => h.close());

describe('GET /returnees/{id}/jobs', () => {
  it('when the returnee is not known yet, then 409 MATCHING.NOT_YET_KNOWN with Retry-After', async () => {
    const res = await h.get(`/returnees/${randomUUID()}/jobs`, OFFICER).expect(409);
    expect(res.headers['content-type']).toMatch(/application\/problem\+json/);
    expect(res.body.code).toBe('MATCHING.NOT_YET_KNOWN');
    expect(Number(res.headers['retry-after'])).toBeGreaterThan(0);
  });

  it('when jobs are at several distances, then same commune > same province > neighbouring province, and a far one is not offered', async () => {
    const res = await h.get(`/returnees/${seeker.returneeId}/jobs`, OFFICER).expect(200);
    expect(ids(res.body).filter((id) => id !== closing.jobId)).toEqual([sameCommune.jobId, sameProvince.jobId, neighbour.jobId]);
    const scores = res.body.items.map((i: { score: number }) => i.score);
    expect(scores).toEqual([...scores].sort((a, b) => b - a));
  });

  it('when a job is ranked, then each reason is given in Vietnamese and English', async () => {
    const res = await h.get(`/returnees/${seeker.returneeId}/jobs?limit=1`, OFFICER).expect(200);
    const reasons = res.body.items[0].reasons as { code: string; vi: string; en: string; points: number }[];
    for (const r of reasons) expect(r.vi.length * r.en.length).toBeGreaterThan(0);
    expect(reasons.find((r) => r.code === 'skills-required')).toMatchObject({ vi: expect.stringContaining('Hàn'), en: expect.stringContaining('Welding') });
    expect(reasons.find((r) => r.code === 'same-commune')).toMatchObject({ vi: 'Cùng xã/phường nơi cư trú', en: 'In the same commune' });
    expect(reasons.find((r) => r.code === 'stable-as-preferred')?.points).toBeGreaterThan(0);
    expect(reasons.find((r) => r.code === 'wage')?.vi).toContain('8.000.000 ₫');
  });

  it('when a job closes, then it leaves the matches at the next query', async () => {
    expect(ids((await h.get(`/returnees/${seeker.returneeId}/jobs`, OFFICER)).body)).toContain(closing.jobId);
    await h.publish(jobUpdatedV1, { ...closing, status: 'closed', updatedAt: new Date().toISOString() }, closing.jobId);
    await h.settled(10);
    expect(ids((await h.get(`/returnees/${seeker.returneeId}/jobs`, OFFICER)).body)).not.toContain(closing.jobId);
    const candidates = await h.get(`/jobs/${closing.jobId}/candidates`, EMPLOYER).expect(409);
    expect(candidates.body).toMatchObject({ code: 'MATCHING.JOB_NOT_OPEN', status: 409 });
  });
});

describe('GET /jobs/{id}/candidates', () => {
  it('when the job is not known yet, then 409 MATCHING.NOT_YET_KNOWN with Retry-After', async () => {
    const res = await h.get(`/jobs/${randomUUID()}/candidates`, EMPLOYER).expect(409);
    expect([res.body.code, Number(res.headers['retry-after']) > 0]).toEqual(['MATCHING.NOT_YET_KNOWN', true]);
  });

  it('when the employer asks, then only discoverable people appear, pseudonymous, with reasons that reveal no needs', async () => {
    const res = await h.get(`/jobs/${sameCommune.jobId}/candidates`, EMPLOYER).expect(200);
    expect(ids(res.body)).toEqual(expect.arrayContaining([seeker.returneeId, unnamed.returneeId, revoking.returneeId]));
    expect(ids(res.body)).not.toContain(shy.returneeId);
    const named = res.body.items.find((c: { returneeId: string }) => c.returneeId === seeker.returneeId);
    expect(named.givenName).toBe('An');
    const anonymous = res.body.items.find((c: { returneeId: string }) => c.returneeId === unnamed.returneeId);
    expect(Object.keys(anonymous).sort()).toEqual(['reasons', 'returneeId', 'score']);
    const codes = res.body.items.flatMap((c: { reasons: { code: string }[] }) => c.reasons.map((r) => r.code));
    expect(codes).not.toEqual(expect.arrayContaining(['accommodation']));
    expect(codes.filter((c: string) => /accommodation|stable|wage|housing/.test(c))).toEqual([]);
    expect(anonymous.reasons.map((r: { code: string }) => r.code)).toEqual(['skills-fit', 'nearby']);
  });

  it('when a returnee withdraws consent, then they leave the candidates at the next query', async () => {
    await h.publish(profilePublishedV1, { returneeId: revoking.returneeId, revision: 2, consent: { matching: false, shareWithEmployers: false, shareWithColleges: false, shareWithBank: false, discoverable: false } }, revoking.returneeId);
    await h.settled(11);
    const res = await h.get(`/jobs/${sameCommune.jobId}/candidates`, EMPLOYER).expect(200);
    expect(ids(res.body)).not.toContain(revoking.returneeId);
    const own = await h.get(`/returnees/${revoking.returneeId}/jobs`, OFFICER).expect(409);
    expect(own.body.code).toBe('MATCHING.NO_MATCHING_CONSENT');
  });

  it('when the same query runs with the full-scan baseline, then it answers the same', async () => {
    const fast = await h.get(`/jobs/${sameCommune.jobId}/candidates`, { role: 'admin' }).expect(200);
    const scan = await h.get(`/jobs/${sameCommune.jobId}/candidates?strategy=scan`, { role: 'admin' }).expect(200);
    expect(scan.body).toEqual(fast.body);
  });
});

describe('GET /jobs/{id}/candidates?waitMs= (a job just posted)', () => {
  it('when the job is posted while the request waits, then the candidates come once its event is applied', async () => {
    const fresh = job({ title: 'Hàn mới đăng' });
    let answered = false;
    const pending = h
      .get(`/jobs/${fresh.jobId}/candidates?waitMs=5000`, EMPLOYER)
      .then((res) => {
        answered = true;
        return res;
      });
    await new Promise((resolve) => setTimeout(resolve, 500));
    expect(answered).toBe(false); // still waiting, not a 409
    await h.publish(jobPostedV1, fresh, fresh.jobId);
    const res = await pending;
    expect(res.status).toBe(200);
    expect(res.body.jobId).toBe(fresh.jobId);
    expect(ids(res.body)).toContain(seeker.returneeId);
  });

  it('when the job does not arrive within waitMs, then 409 MATCHING.NOT_YET_KNOWN', async () => {
    const res = await h.get(`/jobs/${randomUUID()}/candidates?waitMs=200`, EMPLOYER).expect(409);
    expect(res.body.code).toBe('MATCHING.NOT_YET_KNOWN');
  });

  it('when waitMs is above 5 s, then 400 naming waitMs', async () => {
    const res = await h.get(`/jobs/${randomUUID()}/candidates?waitMs=60000`, EMPLOYER).expect(400);
    expect(JSON.stringify(res.body.errors)).toContain('waitMs');
  });
});
