import { randomUUID } from 'node:crypto';
import { vietnamDay } from '../src/domain/calendar.rules';
import { applicationFacts, referralCreatedFacts } from '../src/domain/fact-projection.rules';
import { startReports, type Harness } from './support/reports-harness';
import { A } from './support/scenario';

describe("Vietnam's calendar day", () => {
  it('when an instant is stamped at 17:00 UTC or later, then it is the next day in Vietnam; a date stays as written', () => {
    expect(vietnamDay('2026-11-30T16:59:59.999Z')).toBe('2026-11-30');
    expect(vietnamDay('2026-11-30T17:00:00.000Z')).toBe('2026-12-01');
    expect(vietnamDay('2026-12-31T20:00:00+00:00')).toBe('2027-01-01');
    expect(vietnamDay('2026-12-01')).toBe('2026-12-01');
    expect(vietnamDay(new Date('2026-06-30T18:00:00Z'))).toBe('2026-07-01');
  });

  it('when a referral is created at 20:00 UTC on the last day of a month, then it counts in the next month (it was 03:00 in Vinh)', () => {
    const [created] = referralCreatedFacts({
      referralId: randomUUID(), returneeId: randomUUID(), target: { kind: 'job', id: randomUUID() }, officerId: 'officer-40',
      provinceCode: '40', communeCode: A, createdAt: '2026-11-30T20:00:00.000Z',
    } as Parameters<typeof referralCreatedFacts>[0]);
    expect(created!.on).toBe('2026-12-01');
  });
});

describe('the default period ends today in Vietnam', () => {
  let h: Harness;
  // 01:00 on 1 July in Vietnam, still 30 June in UTC
  beforeAll(async () => {
    h = await startReports({ now: '2026-06-30T18:00:00Z' });
  });
  afterAll(() => h?.close());

  it("when a hire starts today in Vietnam and the officer asks without 'to', then it is counted (the period ends on Vietnam's today, not UTC's)", async () => {
    const returneeId = randomUUID();
    await h.reports.ctx.store.places.registered(returneeId, { provinceCode: '40', communeCode: A });
    await h.reports.ctx.store.facts.record(
      applicationFacts({
        applicationId: randomUUID(), referralId: randomUUID(), jobId: randomUUID(), employerOrgId: 'org-employer-1', returneeId,
        status: 'hired', employmentType: 'stable', startDate: '2026-07-01', at: '2026-06-30T18:00:00.000Z',
      }),
    );
    const body = (await h.get('officer40', '/summary').expect(200)).body;
    expect(body.period.to).toBe('2026-07-01');
    expect(body.total.stableWork).toBe(1);
    expect(body.jobs.hires.stable).toBe(1);
  });
});
