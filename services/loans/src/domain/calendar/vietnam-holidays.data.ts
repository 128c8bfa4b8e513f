import type { IsoDate } from './iso-date';

/**
 * Weekdays off for state agencies and VBSP (Labour Code 2019 Art. 112 and the yearly notices of the Ministry
 * of Home Affairs), plus Saturdays worked to make up for a swapped day. Weekends are off anyway and are not
 * listed. Data, not code: add a year when its notice is published.
 *
 * - 2025: New Year 1/1; Tết Ất Tỵ 25/1–2/2; Hùng Kings 7/4; 30/4–1/5 with 2/5 swapped for Sat 26/4;
 *   National Day 1/9–2/9.
 * - 2026: New Year 1/1; Tết Bính Ngọ 14/2–22/2 (9 days, as announced); Hùng Kings Sun 26/4 → Mon 27/4;
 *   30/4–1/5; National Day 2/9 with 1/9 as the adjacent day (confirm against the notice).
 * - 2027: PROJECTED from the Labour Code and the lunar calendar until the notice is out: New Year 1/1;
 *   Tết Đinh Mùi (mùng 1 = Sat 6/2) 5/2 and 8/2–11/2 (the two weekend Tết days carried over);
 *   Hùng Kings 16/4; 30/4 and Mon 3/5 for Sat 1/5; National Day 2/9–3/9.
 */
export interface HolidayCalendar {
  holidays: ReadonlySet<IsoDate>;
  workingWeekends: ReadonlySet<IsoDate>;
  /** Years the data covers; dates outside them count weekends only. */
  years: readonly number[];
}

const range = (from: IsoDate, days: number): IsoDate[] =>
  Array.from({ length: days }, (_, i) => new Date(Date.parse(`${from}T00:00:00Z`) + i * 86_400_000).toISOString().slice(0, 10));

const HOLIDAYS: IsoDate[] = [
  // 2025
  '2025-01-01',
  ...range('2025-01-27', 5),
  '2025-04-07',
  '2025-04-30',
  '2025-05-01',
  '2025-05-02',
  '2025-09-01',
  '2025-09-02',
  // 2026
  '2026-01-01',
  ...range('2026-02-16', 5),
  '2026-04-27',
  '2026-04-30',
  '2026-05-01',
  '2026-09-01',
  '2026-09-02',
  // 2027 (projected)
  '2027-01-01',
  '2027-02-05',
  ...range('2027-02-08', 4),
  '2027-04-16',
  '2027-04-30',
  '2027-05-03',
  '2027-09-02',
  '2027-09-03',
];

const WORKING_WEEKENDS: IsoDate[] = ['2025-04-26'];

export const VIETNAM_CALENDAR: HolidayCalendar = {
  holidays: new Set(HOLIDAYS),
  workingWeekends: new Set(WORKING_WEEKENDS),
  years: [2025, 2026, 2027],
};
