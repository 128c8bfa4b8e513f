/** Dates are calendar days in Vietnam (UTC+7, no daylight saving), written YYYY-MM-DD. */
const VIETNAM_OFFSET_MS = 7 * 3600 * 1000;

export const vietnamDate = (instant: Date) => new Date(instant.getTime() + VIETNAM_OFFSET_MS).toISOString().slice(0, 10);

export const today = () => vietnamDate(new Date());

/** `startsAt` as sent: a date, or a date-time read as the day it falls on in Vietnam. */
export const dayOf = (dateOrDateTime: string) => (/^\d{4}-\d{2}-\d{2}$/.test(dateOrDateTime) ? dateOrDateTime : vietnamDate(new Date(dateOrDateTime)));

export function addDays(day: string, days: number): string {
  const date = new Date(`${day}T00:00:00Z`);
  date.setUTCDate(date.getUTCDate() + days);
  return date.toISOString().slice(0, 10);
}
