import { randomUUID } from 'node:crypto';
import { type Harness, SECTION6_COURSE, startHarness } from './support/colleges-harness';
import { auth, knownReturnees } from './support/fixtures';

let h: Harness;
const collegeOrg = randomUUID();
let college: string;
let officer: string;
const ids: Record<string, string> = {};

const PROFILE = {
  name: 'Trường Cao đẳng Kỹ thuật Việt – Đức Nghệ An',
  licenceNumber: '12/2017/GCNĐKHĐ-TCGDNN',
  provinceCode: '40',
  communeCode: '16681',
  contact: { person: 'Cô Lan', phone: '0238 3855 555', email: 'tuyensinh@vietduc.edu.vn' },
};

/** Cohorts in Nghệ An and Hà Nội, welding and driving, free and paid, early and late, one of them full. */
beforeAll(async () => {
  h = await startHarness();
  college = h.token('college', collegeOrg);
  officer = h.token('officer');
  const post = async (name: string, body: object) => {
    const res = await h.api().post('/courses').set(auth(college)).send({ ...SECTION6_COURSE, ...body });
    if (res.status !== 201) throw new Error(JSON.stringify(res.body));
    ids[name] = res.body.firstCohort.id;
  };
  await post('weldingFree', {});
  await post('weldingPaid', { title: 'Hàn nâng cao', tuitionVnd: 2_500_000, startsAt: '2026-06-01' });
  await post('weldingExempt', { title: 'Hàn miễn phí', tuitionVnd: 2_500_000, support: [{ kind: 'tuition-exempt' }], startsAt: '2026-07-01' });
  await post('drivingHanoi', { title: 'Lái xe B2', occupationCode: '8322', skillsGranted: ['driving-b2'], provinceCode: '01', startsAt: '2026-04-01' });
  await post('fullPrison', { title: 'Mộc trong trại', occupationCode: '7115', skillsGranted: ['carpentry'], delivery: 'prison', seats: 1, startsAt: '2026-05-01' });
  await h.api().post(`/cohorts/${ids.fullPrison}/roster`).set(auth(officer)).send({ returneeIds: await knownReturnees(h, 1) });
});
afterAll(() => h.close());

const catalogue = async (query: string) => {
  const res = await h.api().get(`/catalogue?${query}`).set(auth(officer));
  expect(res.status).toBe(200);
  return res.body.items as { cohortId: string; capacity: { seatsLeft: number }; cost: { free: boolean }; organization: { name?: string } }[];
};
const cohortIds = (items: { cohortId: string }[]) => items.map((i) => i.cohortId).sort();

describe('the college profile', () => {
  it('when a college records its profile, then it reads it back and the catalogue names it; a commune of another province is refused', async () => {
    const saved = await h.api().put('/organisations/me').set(auth(college)).send(PROFILE);
    expect(saved.status).toBe(200);
    expect(saved.body).toMatchObject({ id: collegeOrg, ...PROFILE });
    expect((await h.api().get('/organisations/me').set(auth(college))).body).toMatchObject(PROFILE);
    const [entry] = await catalogue('provinceCode=40&limit=1');
    expect(entry!.organization).toMatchObject({ id: collegeOrg, name: PROFILE.name, contact: PROFILE.contact });
    const bad = await h.api().put('/organisations/me').set(auth(college)).send({ ...PROFILE, provinceCode: '01' });
    expect(bad.status).toBe(400);
    expect(bad.body.errors[0].field).toBe('communeCode');
    expect((await h.api().get('/organisations/me').set(auth(h.token('college', randomUUID())))).status).toBe(404);
  });
});

describe('the course catalogue for officers (Open Referral HSDS shaped)', () => {
  it('when an officer filters by province, occupation, start, seats left and free only, then each filter keeps exactly its cohorts', async () => {
    expect(cohortIds(await catalogue('provinceCode=01'))).toEqual([ids.drivingHanoi]);
    expect(cohortIds(await catalogue('occupationCode=7212'))).toEqual(cohortIds([ids.weldingFree, ids.weldingPaid, ids.weldingExempt].map((cohortId) => ({ cohortId: cohortId! }))));
    expect(cohortIds(await catalogue('startsBefore=2026-04-15'))).toEqual(cohortIds([{ cohortId: ids.weldingFree! }, { cohortId: ids.drivingHanoi! }]));
    expect(cohortIds(await catalogue('freeOnly=true&provinceCode=40'))).toEqual(cohortIds([{ cohortId: ids.weldingFree! }, { cohortId: ids.weldingExempt! }, { cohortId: ids.fullPrison! }]));
    const withSeats = await catalogue('minSeatsLeft=1');
    expect(withSeats.map((i) => i.cohortId)).not.toContain(ids.fullPrison);
    expect(withSeats.every((i) => i.capacity.seatsLeft >= 1)).toBe(true);
  });

  it('when the catalogue is read page by page, then the pages follow start dates without repeats', async () => {
    const first = await h.api().get('/catalogue?limit=2').set(auth(officer));
    const second = await h.api().get(`/catalogue?limit=2&cursor=${first.body.nextCursor}`).set(auth(officer));
    const third = await h.api().get(`/catalogue?limit=2&cursor=${second.body.nextCursor}`).set(auth(officer));
    const all = [...first.body.items, ...second.body.items, ...third.body.items] as { cohortId: string; schedule: { startsOn: string } }[];
    expect(all).toHaveLength(5);
    expect(new Set(all.map((i) => i.cohortId)).size).toBe(5);
    expect(all.map((i) => i.schedule.startsOn)).toEqual([...all.map((i) => i.schedule.startsOn)].sort());
    expect(third.body.nextCursor).toBeNull();
    expect(first.body.items[0]).toMatchObject({
      service: { name: expect.any(String), occupationCode: expect.any(String), languages: ['vi'] },
      location: { provinceCode: expect.any(String) },
      capacity: { seats: expect.any(Number), seatsLeft: expect.any(Number) },
      cost: { tuitionVnd: expect.any(Number), trainingLoan: { maxVndPerMonth: 4_000_000 } },
    });
  });
});
