/** Today's date in Vietnam (UTC+7), as the services count days: from 17:00 to 24:00 UTC the UTC date is the day before. */
export const vietnamToday = (): string => new Date(Date.now() + 7 * 3_600_000).toISOString().slice(0, 10);
