import type { HolidayCalendar } from './vietnam-holidays.data';
import { addDays, dayOfWeek, type IsoDate } from './iso-date';

/** A day VBSP works: not a Saturday or Sunday (unless a make-up day), not a public holiday. */
export function isWorkingDay(date: IsoDate, calendar: HolidayCalendar): boolean {
  if (calendar.workingWeekends.has(date)) return true;
  const weekday = dayOfWeek(date);
  return weekday !== 0 && weekday !== 6 && !calendar.holidays.has(date);
}

/** The `n`-th working day after `date` (the day itself does not count). */
export function addWorkingDays(date: IsoDate, n: number, calendar: HolidayCalendar): IsoDate {
  let day = date;
  for (let counted = 0; counted < n; ) {
    day = addDays(day, 1);
    if (isWorkingDay(day, calendar)) counted++;
  }
  return day;
}

/** Working days in (from, to]: 0 on the day itself, 1 on the next working day. */
export function workingDaysBetween(from: IsoDate, to: IsoDate, calendar: HolidayCalendar): number {
  let count = 0;
  for (let day = addDays(from, 1); day <= to; day = addDays(day, 1)) {
    if (isWorkingDay(day, calendar)) count++;
  }
  return count;
}

export interface DecisionClock {
  /** When the file became complete (the clock's start). */
  completeOn: IsoDate;
  /** Working days elapsed since then. */
  ageWorkingDays: number;
  /** The last day the decision is on time. */
  dueOn: IsoDate;
  /** Today is past `dueOn` and there is no decision yet. */
  breached: boolean;
}

/** Where a complete file stands against the decision target (3 working days under Decision 22/2023). */
export function decisionClock(completeOn: IsoDate, today: IsoDate, targetWorkingDays: number, calendar: HolidayCalendar): DecisionClock {
  const dueOn = addWorkingDays(completeOn, targetWorkingDays, calendar);
  return { completeOn, ageWorkingDays: workingDaysBetween(completeOn, today, calendar), dueOn, breached: today > dueOn };
}
