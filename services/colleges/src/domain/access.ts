import { AppError } from '@hoanhap/kit';
import type { CollegesContext } from './colleges.context';
import type { Caller, Cohort, Course, Enrolment } from './colleges.types';
import { errors } from './colleges.errors';

/** The caller's college (its organisation); a college account without one cannot act. */
export function collegeOf(caller: Caller): string {
  if (!caller.orgId) throw new AppError('AUTH.FORBIDDEN_ORG', 403, 'this account belongs to no organisation');
  return caller.orgId;
}

const sees = (caller: Caller, collegeOrgId: string) => caller.role === 'admin' || (caller.role === 'college' && caller.orgId === collegeOrgId);

export async function loadCourse(ctx: CollegesContext, id: string): Promise<Course> {
  const course = await ctx.courses.findById(id);
  if (!course) throw errors.notFound('COURSE', id);
  return course;
}

export async function loadCohort(ctx: CollegesContext, id: string): Promise<Cohort> {
  const cohort = await ctx.cohorts.findById(id);
  if (!cohort) throw errors.notFound('COHORT', id);
  return cohort;
}

/** Courses and cohorts are public to signed-in users; changing them is their college's alone (403 for others). */
export function checkOwner(caller: Caller, owned: { collegeOrgId: string }): void {
  if (caller.role !== 'college' || caller.orgId !== owned.collegeOrgId) {
    throw new AppError('AUTH.FORBIDDEN_ORG', 403, 'this course belongs to another college');
  }
}

/**
 * Enrolments are the college's private business: another college gets 404, as if
 * the enrolment did not exist (it must not learn who studies elsewhere).
 */
export async function loadOwnEnrolment(ctx: CollegesContext, caller: Caller, id: string): Promise<Enrolment> {
  const enrolment = await ctx.enrolments.findById(id);
  if (!enrolment || !sees(caller, enrolment.collegeOrgId)) throw errors.notFound('ENROLMENT', id);
  return enrolment;
}

/** A course whose enrolments the caller may read; 404 for another college's. */
export async function loadCourseForEnrolments(ctx: CollegesContext, caller: Caller, id: string): Promise<Course> {
  const course = await ctx.courses.findById(id);
  if (!course || !sees(caller, course.collegeOrgId)) throw errors.notFound('COURSE', id);
  return course;
}
