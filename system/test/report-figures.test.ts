/* eslint-disable @typescript-eslint/no-explicit-any -- replies are JSON read loosely, as a client would */
import { randomUUID } from 'node:crypto';
import { isDeepStrictEqual } from 'node:util';
import { DEMO } from '@hoanhap/reference';
import { startSystem, type Client, type System } from '../src';
import { vietnamToday } from './support/vietnam-day';

// eight processes and a loop through Kafka: minutes when other suites share the 2 cores
jest.setTimeout(900_000);

const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));
const PROVINCE = DEMO.provinceCode;
const [COMMUNE_A, COMMUNE_B] = DEMO.communeCodes;

let system: System;
let officer: Client;
let employer: Client;

beforeAll(async () => {
  // a loaded shared machine can take more than the gateway's default 10 s per request
  system = await startSystem({ label: 'report-figures', env: { UPSTREAM_TIMEOUT_MS: '60000' } });
  officer = await system.login('officer@demo.vn');
  employer = await system.login('employer@demo.vn');
});
afterAll(async () => {
  await system?.close();
});

function expectStatus(reply: { status: number; text: string }, expected: number[], what: string): void {
  if (!expected.includes(reply.status)) throw new Error(`${what} answered ${reply.status}: ${reply.text}`);
}

/** Retries a create, under one Idempotency-Key, while it names something not heard of yet (409 …NOT_YET_KNOWN) or the machine is too busy (502–504). */
async function createWhenKnown(client: Client, path: string, body: unknown, what: string): Promise<any> {
  const key = randomUUID();
  for (let attempt = 0; attempt < 90; attempt++) {
    const reply = await client.post(path, body, { 'Idempotency-Key': key });
    if ((reply.status === 409 && /NOT_YET_KNOWN/.test(reply.text)) || reply.status >= 502) {
      await sleep(2_000);
      continue;
    }
    expectStatus(reply, [200, 201], what);
    return reply.body;
  }
  throw new Error(`${what}: never known`);
}

/** Every item of a paginated list. */
async function all(client: Client, path: string): Promise<any[]> {
  const items: any[] = [];
  let cursor: string | null = null;
  do {
    const sep = path.includes('?') ? '&' : '?';
    const reply: { status: number; text: string; body: any } = await client.get(
      `${path}${sep}limit=200${cursor ? `&cursor=${encodeURIComponent(cursor)}` : ''}`,
    );
    expectStatus(reply, [200], `GET ${path}`);
    items.push(...reply.body.items);
    cursor = reply.body.nextCursor;
  } while (cursor);
  return items;
}

function returnee(n: number, communeCode: string) {
  return {
    fullName: `Trần Văn Số${n}`,
    dateOfBirth: `199${n}-03-0${n}`,
    gender: 'male',
    nationalId: `040${String(Date.now()).slice(-7)}${n}${n}`.slice(0, 12),
    address: { provinceCode: PROVINCE, communeCode },
    releaseDate: '2025-09-01',
    releaseKind: 'completed',
    sentence: { kind: 'prison', months: 24 },
    offenceCategory: 'property-other',
    skills: ['welding'],
    needs: ['job'],
    consent: { matching: true, shareWithEmployers: true, shareWithColleges: true, shareWithBank: true, discoverable: true },
  };
}

function job(title: string, employmentType: 'stable' | 'seasonal') {
  return {
    title,
    occupationCode: '7212',
    skills: ['welding'],
    provinceCode: PROVINCE,
    communeCode: COMMUNE_A,
    employmentType,
    openings: 3,
    wageMinVnd: 7_000_000,
    wageMaxVnd: 9_000_000,
    description: 'Hàn kết cấu thép',
    closesAt: new Date(Date.now() + 30 * 86_400_000).toISOString().slice(0, 10),
  };
}

/** The figures as counted from the services' own APIs, never from reports. */
async function countedFromTheServices() {
  const files = await all(officer, `/api/cases/returnees?provinceCode=${PROVINCE}`);
  // the list answers summaries (communeCode at the top level), the file itself an address
  const communeOf = new Map<string, string>(files.map((f) => [f.id, f.communeCode ?? f.address?.communeCode]));
  const perCommune: Record<string, { returnees: number; stableWork: number; seasonalWork: number }> = {};
  const row = (code: string) => (perCommune[code] ??= { returnees: 0, stableWork: 0, seasonalWork: 0 });
  for (const f of files) row(communeOf.get(f.id)!).returnees += 1;

  const hires = await all(employer, '/api/employers/applications?status=hired');
  const jobs = new Map<string, any>();
  let stable = 0;
  let seasonal = 0;
  for (const hire of hires) {
    if (!jobs.has(hire.jobId)) jobs.set(hire.jobId, (await employer.get(`/api/employers/jobs/${hire.jobId}`)).body);
    const kind = jobs.get(hire.jobId).employmentType === 'seasonal' ? 'seasonalWork' : 'stableWork';
    if (kind === 'stableWork') stable += 1;
    else seasonal += 1;
    row(communeOf.get(hire.returneeId)!)[kind] += 1;
  }

  const referrals = await all(officer, `/api/cases/referrals?provinceCode=${PROVINCE}`);
  const jobReferrals = referrals.filter((r) => r.target.kind === 'job');
  return {
    underManagement: files.length,
    stable,
    seasonal,
    perCommune,
    referralsSucceeded: referrals.filter((r) => r.status === 'succeeded').length,
    jobReferrals: {
      created: jobReferrals.length,
      succeeded: jobReferrals.filter((r) => r.status === 'succeeded').length,
      declined: jobReferrals.filter((r) => r.status === 'declined').length,
    },
  };
}

/** The same figures as reports (and the officer dashboard's cases statistics) show them. */
async function shownByTheDashboard() {
  const summary = await officer.get(`/api/reports/summary?provinceCode=${PROVINCE}`);
  expectStatus(summary, [200], 'reports summary');
  const statistics = await officer.get(`/api/cases/statistics?provinceCode=${PROVINCE}`);
  expectStatus(statistics, [200], 'cases statistics');
  const s = summary.body;
  const perCommune: Record<string, { returnees: number; stableWork: number; seasonalWork: number }> = {};
  for (const r of s.rows) {
    if (r.returnees + r.stableWork + r.seasonalWork > 0)
      perCommune[r.communeCode] = { returnees: r.returnees, stableWork: r.stableWork, seasonalWork: r.seasonalWork };
  }
  return {
    underManagement: s.returnees.underManagement,
    stable: s.jobs.hires.stable,
    seasonal: s.jobs.hires.seasonal,
    perCommune,
    referralsSucceeded: statistics.body.referrals.succeeded ?? 0,
    jobReferrals: { created: s.referrals.job.created, succeeded: s.referrals.job.succeeded, declined: s.referrals.job.declined },
  };
}

describe('the dashboard figures against the services’ own data', () => {
  it('when people are registered, referred, hired and declined through the gateway, then the reports summary and the dashboard statistics equal the counts from cases and employers', async () => {
    const people = [];
    for (const [n, commune] of [
      [1, COMMUNE_A],
      [2, COMMUNE_A],
      [3, COMMUNE_B],
      [4, COMMUNE_B],
    ] as const) {
      const created = await createWhenKnown(officer, '/api/cases/returnees', returnee(n, commune), `registering returnee ${n}`);
      people.push(created.id as string);
    }
    const stableJob = await createWhenKnown(employer, '/api/employers/jobs', job('Thợ hàn ổn định', 'stable'), 'posting the stable job');
    const seasonalJob = await createWhenKnown(
      employer,
      '/api/employers/jobs',
      job('Thợ hàn thời vụ', 'seasonal'),
      'posting the seasonal job',
    );
    expect(stableJob.id).toBeDefined();
    expect(seasonalJob.id).toBeDefined();

    const refer = (returneeId: string, jobId: string) =>
      createWhenKnown(
        officer,
        '/api/cases/referrals',
        { returneeId, target: { kind: 'job', id: jobId }, note: 'figures test' },
        'referral',
      );
    const [r1, r2, r3] = [
      await refer(people[0]!, stableJob.id),
      await refer(people[2]!, seasonalJob.id),
      await refer(people[3]!, stableJob.id),
    ];

    // the employer answers each referral once its application exists
    const applicationFor = async (referralId: string) => {
      for (let attempt = 0; attempt < 90; attempt++) {
        const found = (await all(employer, '/api/employers/applications')).find((a) => a.referralId === referralId);
        if (found) return found;
        await sleep(2_000);
      }
      throw new Error(`no application for referral ${referralId}`);
    };
    const today = vietnamToday();
    for (const [referral, patch] of [
      [r1, { status: 'hired', startDate: today, contractType: 'indefinite' }],
      [r2, { status: 'hired', startDate: today, contractType: 'seasonal' }],
      [r3, { status: 'declined', reason: 'position-filled' }],
    ] as const) {
      const application = await applicationFor(referral.id);
      expectStatus(
        await employer.request('PATCH', `/api/employers/applications/${application.id}`, patch),
        [200],
        `answering ${referral.id}`,
      );
    }

    // the counts the scenario makes, so neither side is trivially empty
    const scenario = {
      underManagement: 4,
      stable: 1,
      seasonal: 1,
      referralsSucceeded: 2,
      jobReferrals: { created: 3, succeeded: 2, declined: 1 },
    };
    const ofScenario = (c: Awaited<ReturnType<typeof countedFromTheServices>>) => ({
      underManagement: c.underManagement,
      stable: c.stable,
      seasonal: c.seasonal,
      referralsSucceeded: c.referralsSucceeded,
      jobReferrals: { created: c.jobReferrals.created, succeeded: c.jobReferrals.succeeded, declined: c.jobReferrals.declined },
    });
    // the figures travel through events: wait until the services' own data holds the whole scenario (both sides
    // can agree earlier, on a decline that has not reached cases yet) and the dashboard agrees with it
    let counted = await countedFromTheServices();
    let shown = await shownByTheDashboard();
    for (
      let attempt = 0;
      attempt < 90 && !(isDeepStrictEqual(ofScenario(counted), scenario) && isDeepStrictEqual(shown, counted));
      attempt++
    ) {
      await sleep(2_000);
      [counted, shown] = [await countedFromTheServices(), await shownByTheDashboard()];
    }
    expect(shown).toEqual(counted);
    expect(counted).toMatchObject(scenario);
    expect(counted.perCommune).toEqual({
      [COMMUNE_A]: { returnees: 2, stableWork: 1, seasonalWork: 0 },
      [COMMUNE_B]: { returnees: 2, stableWork: 0, seasonalWork: 1 },
    });
  });
});
