import { remembered } from './remembered';

/**
 * Dates as whole day numbers (days since 1970-01-01), so that the hot path compares integers and a
 * restriction's `until` is inclusive by construction: it applies while `today <= until`.
 */
export type Day = number;

const MS_PER_DAY = 86_400_000;
/** "No date": before every real day, so `availableFrom = NO_DAY` means available now. */
export const NO_DAY = -1_000_000;
/** "Never ends": after every real day. */
export const FOREVER = 1_000_000;

/** The day of an ISO date or date-time ("2027-09-01", "2027-09-01T10:00:00Z" → its calendar date as written). */
export function dayOf(iso: string): Day {
  const y = Number(iso.slice(0, 4));
  const m = Number(iso.slice(5, 7));
  const d = Number(iso.slice(8, 10));
  const day = Date.UTC(y, m - 1, d) / MS_PER_DAY;
  if (!Number.isInteger(day)) throw new Error(`not an ISO date: ${iso}`);
  return day;
}

/** `dayOf` for optional fields: NO_DAY (or `fallback`) when absent. */
export function optionalDay(iso: string | undefined | null, fallback: Day = NO_DAY): Day {
  return iso ? dayOf(iso) : fallback;
}

/** The ISO date of a day number (remembered: reasons format the same few dates again and again). */
export const isoOf = remembered((day: Day) => new Date(day * MS_PER_DAY).toISOString().slice(0, 10), 20_000);

/**
 * Today's date where the service applies the law: Vietnam is UTC+7 all year, so a restriction ending on
 * 2027-09-01 stops applying at 00:00 on 2027-09-02 in Hà Nội, not in UTC.
 */
export function todayAt(now: Date, utcOffsetMinutes: number): Day {
  return Math.floor((now.getTime() + utcOffsetMinutes * 60_000) / MS_PER_DAY);
}
