/**
 * Calendar-day arithmetic on ISO dates (`YYYY-MM-DD`), as the law counts periods.
 * Civil Code 2015 Art. 147: a period counted from an event starts on the day after it; Art. 148: a period in
 * years ends on the corresponding day of the last year, or the month's last day when that day does not exist
 * (29 February). Dates are days, not instants: no time zone enters the arithmetic.
 */
const ISO_DATE = /^(\d{4})-(\d{2})-(\d{2})$/;

function parts(date: string): [number, number, number] {
  const match = ISO_DATE.exec(date);
  if (!match) throw new Error(`not an ISO date: ${date}`);
  return [Number(match[1]), Number(match[2]), Number(match[3])];
}
const format = (y: number, m: number, d: number) =>
  `${String(y).padStart(4, '0')}-${String(m).padStart(2, '0')}-${String(d).padStart(2, '0')}`;
const daysInMonth = (y: number, m: number) => new Date(Date.UTC(y, m, 0)).getUTCDate();

export function isValidDate(value: string): boolean {
  const match = ISO_DATE.exec(value);
  if (!match) return false;
  const [y, m, d] = [Number(match[1]), Number(match[2]), Number(match[3])];
  return m >= 1 && m <= 12 && d >= 1 && d <= daysInMonth(y, m);
}

/** Civil Code Art. 148: the corresponding day `years` later, clamped to the month's end (29/02 → 28/02). */
export function addYears(date: string, years: number): string {
  const [y, m, d] = parts(date);
  return format(y + years, m, Math.min(d, daysInMonth(y + years, m)));
}

export function addDays(date: string, days: number): string {
  const [y, m, d] = parts(date);
  return new Date(Date.UTC(y, m - 1, d + days)).toISOString().slice(0, 10);
}

/** Whole days from `from` to `to` (negative when `to` is earlier). */
export function daysBetween(from: string, to: string): number {
  const [y1, m1, d1] = parts(from);
  const [y2, m2, d2] = parts(to);
  return Math.round((Date.UTC(y2, m2 - 1, d2) - Date.UTC(y1, m1 - 1, d1)) / 86_400_000);
}

/** Completed years of age on a day. */
export function ageOn(dateOfBirth: string, on: string): number {
  const [by, bm, bd] = parts(dateOfBirth);
  const [y, m, d] = parts(on);
  return y - by - (m < bm || (m === bm && d < bd) ? 1 : 0);
}

/** The latest of some dates (ISO dates sort as strings). */
export const latest = (dates: string[]): string | undefined => (dates.length ? [...dates].sort().at(-1) : undefined);

/**
 * Today's date in Vietnam (UTC+7, no daylight saving): a restriction "until 2028-09-01" ends at midnight
 * in Vietnam, not in UTC.
 */
export function todayInVietnam(now: Date = new Date()): string {
  return new Date(now.getTime() + 7 * 3_600_000).toISOString().slice(0, 10);
}
