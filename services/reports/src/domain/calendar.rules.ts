/**
 * Vietnam's calendar day (UTC+7 all year, no daylight saving), which is what every date in the figures means:
 * a hire on "01/07" by the employer's calendar, "today" for an officer in Vinh. An instant stamped late in the
 * UTC evening (17:00Z and after) already belongs to the next day in Vietnam.
 */
const VIETNAM_OFFSET_MS = 7 * 3600_000;
const DATE_ONLY = /^\d{4}-\d{2}-\d{2}$/;

export function vietnamDay(dateOrInstant: string | Date): string {
  if (typeof dateOrInstant === 'string' && DATE_ONLY.test(dateOrInstant)) return dateOrInstant;
  const instant = typeof dateOrInstant === 'string' ? new Date(dateOrInstant) : dateOrInstant;
  if (Number.isNaN(instant.getTime())) return String(dateOrInstant).slice(0, 10);
  return new Date(instant.getTime() + VIETNAM_OFFSET_MS).toISOString().slice(0, 10);
}
