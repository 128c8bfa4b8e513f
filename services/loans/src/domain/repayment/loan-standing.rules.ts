import { daysBetween, type IsoDate } from '../calendar/iso-date';
import { divRound, type Instalment } from './repayment-schedule.rules';

export interface InstalmentStanding extends Instalment {
  paidPrincipalVnd: number;
  paidInterestVnd: number;
  state: 'paid' | 'partly-paid' | 'upcoming' | 'due' | 'overdue';
  daysOverdue: number;
}

export interface LoanStanding {
  asOf: IsoDate;
  instalments: InstalmentStanding[];
  outstandingPrincipalVnd: number;
  overduePrincipalVnd: number;
  /** Overdue interest (130 % of the rate on overdue principal, per day over a 30-day month). */
  penaltyInterestAccruedVnd: number;
  penaltyInterestDueVnd: number;
  totalPaidVnd: number;
  /** All that is owed today if everything were paid off: penalty due, unpaid interest and principal. */
  payoffVnd: number;
  overdue: boolean;
  settled: boolean;
}

export interface StandingInput {
  schedule: Instalment[];
  repayments: { amountVnd: number; on: IsoDate }[];
  asOf: IsoDate;
  monthlyRatePpm: bigint;
  /** 130 under Decision 22/2023 Art. 9(2). */
  overdueRatePercentOfRate: number;
}

/**
 * Replays repayments against the schedule up to `asOf`. An instalment unpaid after its due date is overdue;
 * its unpaid principal accrues overdue interest from the due date. Each payment goes to overdue interest
 * first, then interest and principal of instalments already due (oldest first), then ahead to the next ones.
 */
export function loanStanding(input: StandingInput): LoanStanding {
  const rows = input.schedule.map((i) => ({ ...i, paidPrincipalVnd: 0, paidInterestVnd: 0, settledOn: undefined as IsoDate | undefined }));
  const penaltyDenominator = 100n * 30n * 1_000_000n;
  const penaltyFactor = input.monthlyRatePpm * BigInt(input.overdueRatePercentOfRate);
  let overdueDays = 0n; // Σ unpaid overdue principal × days, so rounding happens once per payment, not per day
  let penaltyPaid = 0;
  let clock = rows[0] ? minDate(rows[0].dueOn, input.asOf) : input.asOf;
  const unpaidDuePrincipal = (on: IsoDate) => rows.filter((r) => r.dueOn <= on).reduce((sum, r) => sum + r.principalVnd - r.paidPrincipalVnd, 0);
  const accrueTo = (to: IsoDate) => {
    // principal of instalments due on or before a day accrues for that day until it is paid
    for (const boundary of [...new Set(rows.map((r) => r.dueOn).filter((d) => d > clock && d < to)), to].sort()) {
      overdueDays += BigInt(unpaidDuePrincipal(clock)) * BigInt(Math.max(0, daysBetween(clock, boundary)));
      clock = boundary;
    }
  };
  const penaltyAccrued = () => Number(divRound(overdueDays * penaltyFactor, penaltyDenominator));

  let totalPaid = 0;
  for (const repayment of [...input.repayments].filter((r) => r.on <= input.asOf).sort((a, b) => a.on.localeCompare(b.on))) {
    if (repayment.on > clock) accrueTo(repayment.on);
    let left = repayment.amountVnd;
    const take = (owed: number) => {
      const paid = Math.min(left, Math.max(0, owed));
      left -= paid;
      return paid;
    };
    penaltyPaid += take(penaltyAccrued() - penaltyPaid);
    const due = rows.filter((r) => r.dueOn <= repayment.on);
    for (const row of due) row.paidInterestVnd += take(row.interestVnd - row.paidInterestVnd);
    for (const row of due) row.paidPrincipalVnd += take(row.principalVnd - row.paidPrincipalVnd);
    for (const row of rows.filter((r) => r.dueOn > repayment.on)) {
      row.paidInterestVnd += take(row.interestVnd - row.paidInterestVnd);
      row.paidPrincipalVnd += take(row.principalVnd - row.paidPrincipalVnd);
    }
    totalPaid += repayment.amountVnd - left;
  }
  if (input.asOf > clock) accrueTo(input.asOf);
  return summarise(rows, input.asOf, penaltyAccrued(), penaltyPaid, totalPaid);
}

function summarise(rows: (Instalment & { paidPrincipalVnd: number; paidInterestVnd: number })[], asOf: IsoDate, accrued: number, penaltyPaid: number, totalPaid: number): LoanStanding {
  const instalments: InstalmentStanding[] = rows.map(({ paidPrincipalVnd, paidInterestVnd, ...row }) => {
    const paid = paidPrincipalVnd === row.principalVnd && paidInterestVnd === row.interestVnd;
    const late = !paid && row.dueOn < asOf;
    const state = paid ? 'paid' : late ? 'overdue' : row.dueOn === asOf ? 'due' : paidPrincipalVnd + paidInterestVnd > 0 ? 'partly-paid' : 'upcoming';
    return { ...row, paidPrincipalVnd, paidInterestVnd, state, daysOverdue: late ? daysBetween(row.dueOn, asOf) : 0 };
  });
  const unpaid = (pick: (i: InstalmentStanding) => number) => instalments.reduce((sum, i) => sum + pick(i), 0);
  const outstandingPrincipalVnd = unpaid((i) => i.principalVnd - i.paidPrincipalVnd);
  const unpaidInterest = unpaid((i) => i.interestVnd - i.paidInterestVnd);
  const penaltyInterestDueVnd = accrued - penaltyPaid;
  return {
    asOf,
    instalments,
    outstandingPrincipalVnd,
    overduePrincipalVnd: unpaid((i) => (i.state === 'overdue' ? i.principalVnd - i.paidPrincipalVnd : 0)),
    penaltyInterestAccruedVnd: accrued,
    penaltyInterestDueVnd,
    totalPaidVnd: totalPaid,
    payoffVnd: outstandingPrincipalVnd + unpaidInterest + penaltyInterestDueVnd,
    overdue: instalments.some((i) => i.state === 'overdue'),
    settled: outstandingPrincipalVnd === 0 && unpaidInterest === 0 && penaltyInterestDueVnd === 0,
  };
}

const minDate = (a: IsoDate, b: IsoDate): IsoDate => (a < b ? a : b);
