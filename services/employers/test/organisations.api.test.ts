import { randomUUID } from 'node:crypto';
import { demoEmployerId, seedDemoEmployers } from '../src/domain/seed-demo.use-case';
import { SECTION6_JOB } from './support/fixtures';
import { type Harness, startHarness } from './support/employers-harness';

let h: Harness;
const org = `org-${randomUUID()}`;
let employer: string;
let officer: string;

beforeAll(async () => {
  h = await startHarness();
  employer = h.bearer('employer', org);
  officer = h.bearer('officer', 'police-org');
});
afterAll(() => h.close());

const PROFILE = {
  name: 'Công ty TNHH Xây dựng Hưng Nguyên',
  taxCode: '2901234567',
  sector: 'private',
  provinceCode: '40',
  communeCode: '16681',
  contact: { name: 'Trần Thị Bình', phone: '0238 3844 123', email: 'tuyendung@hungnguyen.vn' },
  size: 'small',
};

describe('employer profile', () => {
  it('when the employer has none yet, then GET /organisations/me is 404 ORGANISATION.PROFILE_MISSING; PUT creates it pending', async () => {
    const missing = await h.api().get('/organisations/me').set('Authorization', employer);
    expect(missing.status).toBe(404);
    expect(missing.body.code).toBe('ORGANISATION.PROFILE_MISSING');
    const saved = await h.api().put('/organisations/me').set('Authorization', employer).send(PROFILE);
    expect(saved.status).toBe(200);
    expect(saved.body).toMatchObject({ ...PROFILE, id: org, pledge: null, verification: { status: 'pending' } });
  });

  it('when the commune is not in the province, then 400 naming communeCode', async () => {
    const res = await h
      .api()
      .put('/organisations/me')
      .set('Authorization', employer)
      .send({ ...PROFILE, provinceCode: '01' });
    expect(res.status).toBe(400);
    expect(res.body.errors[0].field).toBe('communeCode');
  });

  it('when an officer verifies before the pledge, then 409 ORGANISATION.PLEDGE_MISSING', async () => {
    const res = await h.api().put(`/organisations/${org}/verification`).set('Authorization', officer).send({ decision: 'verified' });
    expect(res.status).toBe(409);
    expect(res.body.code).toBe('ORGANISATION.PLEDGE_MISSING');
  });

  it('when the pledge is accepted by a named person and an officer verifies, then its jobs show verifiedEmployer to officers', async () => {
    const job = (await h.api().post('/jobs').set('Authorization', employer).send(SECTION6_JOB)).body;
    expect(job.verifiedEmployer).toBe(false);
    const pledged = await h
      .api()
      .put('/organisations/me/pledge')
      .set('Authorization', employer)
      .send({ acceptedByName: 'Trần Thị Bình', acceptedByTitle: 'Giám đốc' });
    expect(pledged.body.pledge).toMatchObject({
      acceptedByName: 'Trần Thị Bình',
      acceptedAt: expect.any(String),
      version: expect.any(String),
    });
    const verified = await h
      .api()
      .put(`/organisations/${org}/verification`)
      .set('Authorization', officer)
      .send({ decision: 'verified', note: 'đã kiểm tra giấy phép' });
    expect(verified.body.verification).toMatchObject({ status: 'verified', decidedAt: expect.any(String) });
    const seen = await h.api().get(`/jobs/${job.id}`).set('Authorization', officer);
    expect(seen.body).toMatchObject({ verifiedEmployer: true, employerName: PROFILE.name });
    const onlyVerified = await h.api().get('/jobs?verifiedOnly=true&limit=200').set('Authorization', officer);
    expect(onlyVerified.body.items.map((j: { id: string }) => j.id)).toContain(job.id);
  });

  it('when a verified employer changes its tax code, then it goes back to pending', async () => {
    const res = await h
      .api()
      .put('/organisations/me')
      .set('Authorization', employer)
      .send({ ...PROFILE, taxCode: '2909999999' });
    expect(res.body.verification.status).toBe('pending');
    expect(res.body.pledge).not.toBeNull();
  });

  it('when another employer asks for this profile, then 404; an employer cannot verify (403) or list (403)', async () => {
    const other = h.bearer('employer', `org-${randomUUID()}`);
    expect((await h.api().get(`/organisations/${org}`).set('Authorization', other)).status).toBe(404);
    expect(
      (await h.api().put(`/organisations/${org}/verification`).set('Authorization', other).send({ decision: 'verified' })).status,
    ).toBe(403);
    expect((await h.api().get('/organisations').set('Authorization', other)).status).toBe(403);
    expect((await h.api().get(`/organisations/${org}`).set('Authorization', officer)).status).toBe(200);
  });

  it('when the demo is seeded, then the demo employers (identity ids) are verified, and their jobs are posted verified', async () => {
    await seedDemoEmployers(h.employers.ctx);
    expect(await seedDemoEmployers(h.employers.ctx)).toBe(0);
    const demo = h.bearer('employer', demoEmployerId('employer'));
    expect((await h.api().get('/organisations/me').set('Authorization', demo)).body.verification.status).toBe('verified');
    const job = await h.api().post('/jobs').set('Authorization', demo).send(SECTION6_JOB);
    expect(job.body).toMatchObject({ status: 'open', verifiedEmployer: true });
    const pending = await h.api().get('/organisations?verification=pending').set('Authorization', officer);
    expect(pending.body.items.map((o: { id: string }) => o.id)).toEqual([org]);
  });
});
