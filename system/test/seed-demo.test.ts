import { seedDemoProvince, type SeedResult } from '../../scripts/seed-demo-province';
import { startSystem, type System } from '../src';

// eight processes plus ~150 requests through the gateway: minutes on a 2-core machine, half an hour at load 40
jest.setTimeout(1_800_000);

/** Seed 3 with 12 people plans referrals of every kind (2 jobs, 4 courses, 2 loans). */
const COUNT = 12;
let system: System;
let first: SeedResult;
beforeAll(async () => {
  // a slow answer is waited for rather than retried (a retry storm only adds load)
  system = await startSystem({ label: 'seed', env: { UPSTREAM_TIMEOUT_MS: '60000' } });
  first = await seedDemoProvince({ gatewayUrl: system.gatewayUrl, count: COUNT, seed: 3 });
});
afterAll(async () => {
  await system?.close();
});

describe('the demo province seed, through the gateway as the demo users', () => {
  it('when it runs on an empty stack, then returnees, jobs, courses, referrals and loan applications appear', async () => {
    expect(first.returnees).toMatchObject({ created: COUNT, failed: 0 });
    for (const kind of ['jobs', 'courses', 'referrals', 'loans'] as const) {
      expect(first[kind].failed).toBe(0);
      expect(first[kind].created).toBeGreaterThan(0);
    }
    const officer = await system.login('officer@demo.vn');
    const files = await officer.get('/api/cases/returnees?provinceCode=40&limit=200');
    expect(files.status).toBe(200);
    expect(files.body.items).toHaveLength(COUNT);
    expect(new Set(files.body.items.map((r: { communeCode: string }) => r.communeCode)).size).toBeGreaterThan(3);
    const employer = await system.login('employer@demo.vn');
    expect((await employer.get('/api/employers/jobs?limit=200')).body.items.length).toBeGreaterThan(0);
  });

  it('when it runs a second time, then it adds nothing', async () => {
    const second = await seedDemoProvince({ gatewayUrl: system.gatewayUrl, count: COUNT, seed: 3 });
    // (hires are changes of state, made only from 'new': applications that arrived late may still move on)
    for (const kind of ['returnees', 'jobs', 'courses', 'referrals', 'loans'] as const) {
      expect(second[kind]).toMatchObject({ created: 0, failed: 0 });
    }
    expect(second.returnees.existing).toBe(COUNT);
    expect(second.referrals.existing).toBe(first.referrals.created);
    const officer = await system.login('officer@demo.vn');
    expect((await officer.get('/api/cases/returnees?provinceCode=40&limit=200')).body.items).toHaveLength(COUNT);
    const referrals = await officer.get('/api/cases/referrals?limit=200');
    expect(referrals.body.items).toHaveLength(first.referrals.created);
  });
});
