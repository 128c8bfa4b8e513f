import { jobPostedV1, profilePublishedV1, restrictionsPublishedV1 } from '@hoanhap/contracts';
import { waitFor } from '@hoanhap/testing';
import { job, PLACES, profile, restrictions } from './support/fixtures';
import { startHarness, type Harness } from './support/matching-harness';

let h: Harness;
const ADMIN = { role: 'admin' };
const people = [profile({ skills: ['welding'] }), profile({ ...PLACES.doLuong, skills: ['welding', 'masonry'], prefersStable: true }), profile({ ...PLACES.haTinh, skills: ['masonry'] })];
const jobs = [job(), job({ ...PLACES.doLuong, skills: ['masonry'], occupationCode: '7112' }), job({ ...PLACES.haTinh, employmentType: 'seasonal', seasonStart: '2026-12-01', seasonEnd: '2027-03-01' })];
const later = job({ ...PLACES.doLuong, title: 'Đăng sau snapshot' });

async function answers() {
  const out: unknown[] = [];
  for (const p of people) out.push((await h.get(`/returnees/${p.returneeId}/jobs`, ADMIN).expect(200)).body);
  for (const j of [...jobs, later]) out.push((await h.get(`/jobs/${j.jobId}/candidates`, ADMIN)).body);
  return out;
}

beforeAll(async () => {
  h = await startHarness();
  for (const p of people) await h.publish(profilePublishedV1, p, p.returneeId);
  await h.publish(restrictionsPublishedV1, restrictions(people[0]!.returneeId, { bannedOccupations: [{ code: '7112', until: '2027-01-01' }] }), people[0]!.returneeId);
  for (const j of jobs) await h.publish(jobPostedV1, j, j.jobId);
  await h.settled(7);
});
afterAll(() => h.close());

describe('snapshot and restart', () => {
  it('when the service crashes after a snapshot, then the next one restores it, reads only the later events and answers the same', async () => {
    const snapshot = await h.runtime.snapshotter.take();
    expect(snapshot?.offsets).toEqual(Object.fromEntries(h.runtime.model.offsets));
    await h.publish(jobPostedV1, later, later.jobId);
    await h.publish(profilePublishedV1, { ...people[2]!, revision: 2, matching: { ...people[2]!.matching!, skills: ['masonry', 'welding'] } }, people[2]!.returneeId);
    await h.settled(9);
    const before = await answers();

    const restarted = await h.restart({ snapshot: false });
    expect(restarted.restored?.offsets).toEqual(snapshot?.offsets);
    await waitFor('the two later events', () => restarted.model.eventsApplied >= 2, 20_000);
    // give a wrongly started consumer time to replay from offset 0 before checking it did not
    await new Promise((resolve) => setTimeout(resolve, 1_000));
    expect(restarted.model.eventsApplied).toBe(2);
    expect(await answers()).toEqual(before);
  });

  it('when the service stops gracefully, then its last snapshot holds everything and nothing is read again', async () => {
    const before = await answers();
    const restarted = await h.restart();
    expect(restarted.restored).not.toBeNull();
    await new Promise((resolve) => setTimeout(resolve, 1_000));
    expect(restarted.model.eventsApplied).toBe(0);
    expect(await answers()).toEqual(before);
    const status = await h.get('/status', ADMIN).expect(200);
    expect(status.body).toMatchObject({ instanceId: 'test', returnees: { known: 3, withProfile: 3 }, jobs: { known: 4, open: 4 } });
  });
});
