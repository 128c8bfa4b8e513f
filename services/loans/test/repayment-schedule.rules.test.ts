import fc from 'fast-check';
import { buildSchedule, divRound, periodInterest } from '../src/domain/repayment/repayment-schedule.rules';
import type { ScheduleMethod } from '../src/domain/policy/credit-policy.types';

const monthly: ScheduleMethod = { method: 'equal-principal', interestBasis: 'whole-months', instalmentEveryMonths: 1 };
const daily: ScheduleMethod = { method: 'equal-principal', interestBasis: 'actual-days-30', instalmentEveryMonths: 1 };
const sum = (values: number[]) => values.reduce((a, b) => a + b, 0);

describe('integer rounding', () => {
  it('when a quotient is exactly half, then it rounds up; below half, down', () => {
    expect([divRound(5n, 2n), divRound(7n, 3n), divRound(8n, 3n)]).toEqual([3n, 2n, 3n]);
  });
});

describe('repayment schedule: equal principal, interest on the declining balance (VBSP), whole VND', () => {
  it('when 99,999,999 VND is lent over 37 months, then the principal sums to exactly 99,999,999 with the remainder on the last instalment', () => {
    const schedule = buildSchedule({ principalVnd: 99_999_999, termMonths: 37, disbursedOn: '2026-01-15', monthlyRatePpm: 5500n, method: monthly });
    expect(schedule).toHaveLength(37);
    expect(sum(schedule.map((i) => i.principalVnd))).toBe(99_999_999);
    expect(schedule.slice(0, 36).every((i) => i.principalVnd === 2_702_702)).toBe(true);
    expect(schedule[36]!.principalVnd).toBe(2_702_702 + 25);
    expect(schedule.every((i) => Number.isInteger(i.interestVnd) && Number.isInteger(i.principalVnd))).toBe(true);
    // first month: 99,999,999 × 0.55 % = 549,999.9945 → 550,000 (half up)
    expect(schedule[0]!.interestVnd).toBe(550_000);
    expect(schedule[36]!.openingBalanceVnd).toBe(2_702_727);
    expect(schedule[36]!.dueOn).toBe('2029-02-15');
  });

  it('when interest accrues per day over a 30-day month (VBSP), then a 31-day month costs 31/30 of the monthly rate', () => {
    expect(periodInterest(100_000_000, 5500n, { from: '2026-01-15', to: '2026-02-15', months: 1 }, daily)).toBe(568_333);
    expect(periodInterest(100_000_000, 5500n, { from: '2026-02-15', to: '2026-03-15', months: 1 }, daily)).toBe(513_333);
  });

  it('when 2,000,000,000 VND is lent over 120 months, then BigInt keeps interest exact beyond 2^53 intermediate products', () => {
    const schedule = buildSchedule({ principalVnd: 2_000_000_000, termMonths: 120, disbursedOn: '2026-03-31', monthlyRatePpm: 5500n, method: daily });
    expect(sum(schedule.map((i) => i.principalVnd))).toBe(2_000_000_000);
    expect(schedule[0]!.dueOn).toBe('2026-04-30');
    expect(schedule[1]!.dueOn).toBe('2026-05-31');
  });

  it('when instalments are every 3 months over 10 months, then the last, shorter period ends at the term', () => {
    const quarterly: ScheduleMethod = { ...monthly, instalmentEveryMonths: 3 };
    const schedule = buildSchedule({ principalVnd: 10_000_001, termMonths: 10, disbursedOn: '2026-01-01', monthlyRatePpm: 5500n, method: quarterly });
    expect(schedule.map((i) => i.dueOn)).toEqual(['2026-04-01', '2026-07-01', '2026-10-01', '2026-11-01']);
    expect(schedule.map((i) => i.principalVnd)).toEqual([2_500_000, 2_500_000, 2_500_000, 2_500_001]);
    // the last period is one month: 2,500,001 × 0.55 % = 13,750.0055 → 13,750
    expect(schedule[3]!.interestVnd).toBe(13_750);
    expect(schedule[0]!.interestVnd).toBe(165_000);
  });

  it('when any amount and term are drawn, then principal always sums exactly, never drifts, and the balance declines', () => {
    fc.assert(
      fc.property(fc.integer({ min: 1, max: 2_000_000_000 }), fc.integer({ min: 1, max: 120 }), (principal, term) => {
        const schedule = buildSchedule({ principalVnd: principal, termMonths: term, disbursedOn: '2026-05-31', monthlyRatePpm: 5500n, method: daily });
        expect(sum(schedule.map((i) => i.principalVnd))).toBe(principal);
        for (let k = 1; k < schedule.length; k++) expect(schedule[k]!.openingBalanceVnd).toBe(schedule[k - 1]!.openingBalanceVnd - schedule[k - 1]!.principalVnd);
        expect(schedule.every((i) => i.principalVnd >= 0 && i.interestVnd >= 0)).toBe(true);
      }),
      { numRuns: 300 },
    );
  });
});
