import { addMonths, daysBetween, type IsoDate } from '../calendar/iso-date';
import type { ScheduleMethod } from '../policy/credit-policy.types';

export interface Instalment {
  number: number;
  dueOn: IsoDate;
  /** Principal outstanding before this instalment. */
  openingBalanceVnd: number;
  principalVnd: number;
  interestVnd: number;
}

export interface ScheduleInput {
  principalVnd: number;
  termMonths: number;
  disbursedOn: IsoDate;
  /** Monthly rate in millionths (0.55 % → 5500n). */
  monthlyRatePpm: bigint;
  method: ScheduleMethod;
}

/** round-half-up(numerator / denominator) for non-negative BigInts. */
export const divRound = (numerator: bigint, denominator: bigint): bigint => (numerator * 2n + denominator) / (denominator * 2n);

/**
 * Interest on `balance` for one period: balance × rate × days/30 (VBSP accrues daily on a 30-day month) or
 * balance × rate × months. BigInt throughout: 2·10⁹ VND × 10⁵ ppm × 400 days does not fit a double exactly.
 */
export function periodInterest(balanceVnd: number, monthlyRatePpm: bigint, period: { from: IsoDate; to: IsoDate; months: number }, method: ScheduleMethod): number {
  const balance = BigInt(balanceVnd);
  const amount =
    method.interestBasis === 'actual-days-30'
      ? divRound(balance * monthlyRatePpm * BigInt(daysBetween(period.from, period.to)), 30n * 1_000_000n)
      : divRound(balance * monthlyRatePpm * BigInt(period.months), 1_000_000n);
  return Number(amount);
}

/**
 * Equal principal instalments with interest on the declining balance (VBSP's usual method). Principal is
 * split in whole VND and the remainder of the division goes on the LAST instalment, so the instalments sum
 * to the loan exactly; interest is rounded per instalment, half up.
 */
export function buildSchedule(input: ScheduleInput): Instalment[] {
  const { principalVnd, termMonths, disbursedOn, monthlyRatePpm, method } = input;
  const count = Math.ceil(termMonths / method.instalmentEveryMonths);
  const base = Math.floor(principalVnd / count);
  const instalments: Instalment[] = [];
  let balance = principalVnd;
  let previousDue = disbursedOn;
  let previousMonth = 0;
  for (let number = 1; number <= count; number++) {
    // the last period may be shorter when the term is not a multiple of the period
    const month = Math.min(number * method.instalmentEveryMonths, termMonths);
    const dueOn = addMonths(disbursedOn, month);
    const principal = number === count ? balance : base;
    const interestVnd = periodInterest(balance, monthlyRatePpm, { from: previousDue, to: dueOn, months: month - previousMonth }, method);
    instalments.push({ number, dueOn, openingBalanceVnd: balance, principalVnd: principal, interestVnd });
    balance -= principal;
    previousDue = dueOn;
    previousMonth = month;
  }
  return instalments;
}
