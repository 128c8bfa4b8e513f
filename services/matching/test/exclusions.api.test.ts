import { cohortPublishedV1, jobPostedV1, profilePublishedV1, restrictionsPublishedV1, type ProfilePublishedV1, type RestrictionsPublishedV1 } from '@hoanhap/contracts';
import { cohort, job, PLACES, profile, restrictions } from './support/fixtures';
import { startHarness, type Harness } from './support/matching-harness';

// Vietnam is UTC+7: the last day of a restriction ending 2026-11-30 ends at 2026-11-30T17:00Z.
const FIRST_DAY = new Date('2026-11-23T03:00:00Z');
const LAST_DAY_LATE = new Date('2026-11-30T16:30:00Z'); // 23:30 in Hà Nội on the last day
const DAY_AFTER_EARLY = new Date('2026-11-30T17:05:00Z'); // 00:05 in Hà Nội the day after
const UNTIL = '2026-11-30';
const OFFICER = { role: 'officer', provinceCode: '40' };

let h: Harness;
const welder = job({ occupationCode: '7212', skills: ['welding'], title: 'Thợ hàn' });
const steel = job({ occupationCode: '7214', skills: ['welding'], title: 'Lắp dựng thép' });
const electrician = job({ occupationCode: '7411', skills: ['electrical-installation'], title: 'Thợ điện' });
const haTinh = job({ ...PLACES.haTinh, occupationCode: '7411', skills: ['electrical-installation'], title: 'Thợ điện Hà Tĩnh' });
const doLuong = job({ ...PLACES.doLuong, occupationCode: '7411', skills: ['electrical-installation'], title: 'Thợ điện Đô Lương' });
const fireStation = job({ occupationCode: '5411', skills: ['electrical-installation'], stateAgency: true, title: 'Phòng cháy chữa cháy' });
const heavy = job({ occupationCode: '7411', skills: ['electrical-installation'], physicalDemands: 'heavy', minimumAge: 18, title: 'Điện công trình nặng' });
const jobs = [welder, steel, electrician, haTinh, doLuong, fireStation, heavy];

const person = (skills: string[], extra: Parameters<typeof profile>[0] = {}) => profile({ skills, ...extra });
const art41 = person(['electrical-installation', 'masonry']);
const art42Province = person(['electrical-installation']);
const art42Commune = person(['electrical-installation']);
const art43 = person(['electrical-installation']);
const art44 = person(['electrical-installation']);
const minor = person(['electrical-installation'], { ageYears: 17 });
const unwell = person(['electrical-installation'], { needs: ['job', 'health'] });
const weldingCourse = cohort({ occupationCode: '7214', skillsGranted: ['welding'] });

const jobIdsFor = async (returneeId: string) => {
  const res = await h.get(`/returnees/${returneeId}/jobs?limit=200`, OFFICER).expect(200);
  return res.body.items.map((i: { jobId: string }) => i.jobId) as string[];
};

beforeAll(async () => {
  h = await startHarness({ now: FIRST_DAY.toISOString() });
  for (const j of jobs) await h.publish(jobPostedV1, j, j.jobId);
  const people: [ProfilePublishedV1, Partial<RestrictionsPublishedV1>][] = [
    [art41, { bannedOccupations: [{ code: '7212', until: UNTIL }] }],
    [art42Province, { bannedAreas: [{ provinceCode: '42', until: UNTIL }] }],
    [art42Commune, { bannedAreas: [{ ...PLACES.doLuong, until: UNTIL }] }],
    [art43, { supervisedCommune: { ...PLACES.vinh, until: UNTIL } }],
    [art44, { noStateAgencyWork: true, noStateAgencyWorkUntil: UNTIL }],
    [minor, {}],
    [unwell, {}],
  ];
  for (const [p, r] of people) {
    await h.publish(profilePublishedV1, p, p.returneeId);
    await h.publish(restrictionsPublishedV1, restrictions(p.returneeId, r), p.returneeId);
  }
  await h.publish(cohortPublishedV1, weldingCourse, weldingCourse.cohortId);
  await h.settled(jobs.length + people.length * 2 + 1);
});
afterAll(() => h.close());

describe.each([
  ['Art. 41 occupation ban', () => art41, () => welder],
  ['Art. 42 province ban', () => art42Province, () => haTinh],
  ['Art. 42 commune ban', () => art42Commune, () => doLuong],
  ['Art. 43 supervised commune', () => art43, () => doLuong],
  ['Art. 44 state agency', () => art44, () => fireStation],
])('%s', (_name, who, forbidden) => {
  it('when it is the first day, then the forbidden job is not offered but others are', async () => {
    h.clock.now = FIRST_DAY;
    const ids = await jobIdsFor(who().returneeId);
    expect(ids).not.toContain(forbidden().jobId);
    expect(ids).toContain(electrician.jobId);
  });

  it('when it is 23:30 on the last day in Vietnam, then it still applies, to jobs and to candidates', async () => {
    h.clock.now = LAST_DAY_LATE;
    expect(await jobIdsFor(who().returneeId)).not.toContain(forbidden().jobId);
    const candidates = await h.get(`/jobs/${forbidden().jobId}/candidates?limit=200`, { role: 'admin' }).expect(200);
    expect(candidates.body.items.map((c: { returneeId: string }) => c.returneeId)).not.toContain(who().returneeId);
  });

  it('when it is 00:05 the day after, then the job is offered again and the person is a candidate', async () => {
    h.clock.now = DAY_AFTER_EARLY;
    expect(await jobIdsFor(who().returneeId)).toContain(forbidden().jobId);
    const candidates = await h.get(`/jobs/${forbidden().jobId}/candidates?limit=200`, { role: 'admin' }).expect(200);
    expect(candidates.body.items.map((c: { returneeId: string }) => c.returneeId)).toContain(who().returneeId);
  });
});

describe('exclusions that do not end', () => {
  it('when a job is a state post by its VSCO code alone, then it is not offered under Art. 44 either', async () => {
    h.clock.now = FIRST_DAY;
    const army = job({ occupationCode: '0110', skills: ['electrical-installation'], stateAgency: false, title: 'Sĩ quan' });
    // counted before publishing: read after, it may already include this event, and the wait would be for one more
    const applied = h.runtime.model.eventsApplied;
    await h.publish(jobPostedV1, army, army.jobId);
    await h.settled(applied + 1);
    expect(await jobIdsFor(art44.returneeId)).not.toContain(army.jobId);
    expect(await jobIdsFor(art42Province.returneeId)).toContain(army.jobId);
  });

  it('when the person is under the minimum age or has a health need, then age-limited or heavy jobs are never offered', async () => {
    h.clock.now = DAY_AFTER_EARLY;
    expect(await jobIdsFor(minor.returneeId)).not.toContain(heavy.jobId);
    expect(await jobIdsFor(unwell.returneeId)).not.toContain(heavy.jobId);
    expect(await jobIdsFor(art41.returneeId)).toContain(heavy.jobId);
  });
});

describe('never leaked', () => {
  it('when an excluded job exists, then it appears in no list, no count and no reason, and no reason names a restriction', async () => {
    h.clock.now = FIRST_DAY;
    const jobsRes = await h.get(`/returnees/${art41.returneeId}/jobs?limit=200`, OFFICER).expect(200);
    const courses = await h.get(`/returnees/${art41.returneeId}/courses`, OFFICER).expect(200);
    const text = JSON.stringify([jobsRes.body, courses.body]);
    expect(text).not.toContain(welder.jobId);
    expect(text).not.toMatch(/restrict|Điều 4[1-4]|Art\. ?4[1-4]|cấm|ban/i);
    // the welding course counts only the welding job the person may take (the steel erector), not the banned one
    const gap = courses.body.items.find((c: { cohortId: string }) => c.cohortId === weldingCourse.cohortId);
    expect(gap.skillGap).toEqual([{ skill: 'welding', openJobs: 1 }]);
    h.clock.now = DAY_AFTER_EARLY;
    const after = await h.get(`/returnees/${art41.returneeId}/courses`, OFFICER).expect(200);
    expect(after.body.items.find((c: { cohortId: string }) => c.cohortId === weldingCourse.cohortId).skillGap).toEqual([{ skill: 'welding', openJobs: 2 }]);
  });
});
