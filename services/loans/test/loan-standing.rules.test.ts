import { loanStanding } from '../src/domain/repayment/loan-standing.rules';
import { buildSchedule } from '../src/domain/repayment/repayment-schedule.rules';

const method = { method: 'equal-principal' as const, interestBasis: 'whole-months' as const, instalmentEveryMonths: 1 };
// 12,000,000 over 12 months from 2026-01-10: 1,000,000 principal a month; first interest 66,000 (0.55 %)
const schedule = buildSchedule({ principalVnd: 12_000_000, termMonths: 12, disbursedOn: '2026-01-10', monthlyRatePpm: 5500n, method });
const standing = (asOf: string, repayments: { amountVnd: number; on: string }[] = []) =>
  loanStanding({ schedule, repayments, asOf, monthlyRatePpm: 5500n, overdueRatePercentOfRate: 130 });

describe('overdue detection and overdue interest (Decision 22/2023/QĐ-TTg Art. 9(2): 130 % of the rate)', () => {
  it('when the first instalment is due today and unpaid, then it is due, not overdue', () => {
    const s = standing('2026-02-10');
    expect(s.instalments[0]!.state).toBe('due');
    expect(s.overdue).toBe(false);
    expect(s.penaltyInterestAccruedVnd).toBe(0);
  });

  it('when it is still unpaid the day after, then it is overdue and its principal accrues 130 % of the rate per day', () => {
    const s = standing('2026-02-11');
    expect(s.overdue).toBe(true);
    expect(s.instalments[0]).toMatchObject({ state: 'overdue', daysOverdue: 1 });
    expect(s.overduePrincipalVnd).toBe(1_000_000);
    // 1,000,000 × 0.55 % × 130 % / 30 = 238.33 → 238
    expect(s.penaltyInterestAccruedVnd).toBe(238);
  });

  it('when the first instalment is 30 days overdue and the second 2 days, then overdue interest is 130 % × 0.55 % × (30 + 2) days / 30 on 1,000,000 each', () => {
    const s = standing('2026-03-12');
    // 1,000,000 × 0.715 % × 32 / 30 = 7,626.67 → 7,627 (rounded once, not per day)
    expect(s.penaltyInterestAccruedVnd).toBe(7_627);
    expect(s.instalments.slice(0, 2).map((i) => i.daysOverdue)).toEqual([30, 2]);
    expect(s.overduePrincipalVnd).toBe(2_000_000);
  });

  it('when the instalment is paid on its due date, then nothing is overdue and no overdue interest accrues', () => {
    const s = standing('2026-03-01', [{ amountVnd: 1_066_000, on: '2026-02-10' }]);
    expect(s.instalments[0]!.state).toBe('paid');
    expect(s.overdue).toBe(false);
    expect(s.penaltyInterestAccruedVnd).toBe(0);
    expect(s.outstandingPrincipalVnd).toBe(11_000_000);
  });

  it('when a late payment comes 5 days after the due date, then it pays the overdue interest first, and the loan is current again', () => {
    const penalty = Math.round((1_000_000 * 0.0055 * 1.3 * 5) / 30); // 1,191.67 → 1,192
    const s = standing('2026-02-20', [{ amountVnd: 1_066_000 + penalty, on: '2026-02-15' }]);
    expect(s.penaltyInterestAccruedVnd).toBe(penalty);
    expect(s.penaltyInterestDueVnd).toBe(0);
    expect(s.instalments[0]!.state).toBe('paid');
    expect(s.overdue).toBe(false);
  });

  it('when everything is paid off, then the loan is settled', () => {
    const total = schedule.reduce((sum, i) => sum + i.principalVnd + i.interestVnd, 0);
    const s = standing('2026-02-01', [{ amountVnd: total, on: '2026-02-01' }]);
    expect(s.settled).toBe(true);
    expect(s.payoffVnd).toBe(0);
  });
});
