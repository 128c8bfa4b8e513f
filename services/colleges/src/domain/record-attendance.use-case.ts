import { loadCohort, loadOwnEnrolment } from './access';
import type { CollegesContext } from './colleges.context';
import type { AttendanceRecord, Caller } from './colleges.types';
import { errors } from './colleges.errors';
import { today } from './dates';

/** A day's attendance of an enrolled person; the same day recorded again replaces the first record. */
export async function recordAttendance(ctx: CollegesContext, caller: Caller, enrolmentId: string, day: { date: string; present: boolean }): Promise<AttendanceRecord> {
  const enrolment = await loadOwnEnrolment(ctx, caller, enrolmentId);
  if (enrolment.status !== 'enrolled' && enrolment.status !== 'completed') throw errors.enrolmentNotActive(enrolment.status);
  const cohort = await loadCohort(ctx, enrolment.cohortId);
  if (day.date < cohort.startsOn || day.date > cohort.endsOn) {
    throw errors.invalid([errors.field('date', 'in-cohort', `date must be within the cohort, ${cohort.startsOn} to ${cohort.endsOn}`)]);
  }
  if (day.date > today()) throw errors.invalid([errors.field('date', 'not-future', 'attendance is recorded for days that have come')]);
  const record: AttendanceRecord = { enrolmentId, date: day.date, present: day.present, recordedBy: caller.sub, recordedAt: new Date() };
  await ctx.attendance.record(record);
  return record;
}

export async function listAttendance(ctx: CollegesContext, caller: Caller, enrolmentId: string) {
  await loadOwnEnrolment(ctx, caller, enrolmentId);
  const items = await ctx.attendance.list(enrolmentId);
  return { items, daysPresent: items.filter((r) => r.present).length, daysAbsent: items.filter((r) => !r.present).length };
}
