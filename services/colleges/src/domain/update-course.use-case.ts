import { cohortPublished } from '../events/college-events';
import { checkOwner, loadCourse } from './access';
import type { Cause, CollegesContext } from './colleges.context';
import type { Caller, Course } from './colleges.types';
import { courseCopy } from './cohort-factory';
import { isPublished } from './cohort.rules';
import { seatsLeftOf } from './cohort-seats';
import type { CourseInput } from './course-input';
import { checkCourse } from './course.rules';
import { netTuitionVnd } from './training-support.rules';

/**
 * PATCH /courses/{id}: the college edits its own course (another college: 403). Cohorts carry a copy of
 * the course, so each is rewritten (one writer per cohort) and published again when it is public.
 */
export async function updateCourse(ctx: CollegesContext, caller: Caller, id: string, changes: Partial<CourseInput>, cause: Cause): Promise<Course> {
  checkOwner(caller, await loadCourse(ctx, id));
  const updated = await ctx.queues.courses.run(id, async () => {
    const course = await loadCourse(ctx, id);
    const merged = { ...course, ...changes, id: course.id, collegeOrgId: course.collegeOrgId };
    const { id: _id, collegeOrgId: _org, netTuitionVnd: _net, createdAt: _c, updatedAt: _u, ...fields } = merged;
    checkCourse(fields);
    const next: Course = { ...merged, netTuitionVnd: netTuitionVnd(merged.tuitionVnd, merged.support), updatedAt: new Date() };
    await ctx.courses.replace(next);
    return next;
  });
  for (const cohortId of await ctx.cohorts.idsOfCourse(id)) {
    await ctx.cohorts.change(
      cohortId,
      async (cohort) => {
        if (!cohort) return {};
        const next = { ...cohort, course: courseCopy(updated), updatedAt: new Date() };
        const left = seatsLeftOf(next, await ctx.seats.taken(cohortId));
        return { next, events: isPublished(next.status) ? [cohortPublished(next, left)] : [] };
      },
      cause,
    );
  }
  return updated;
}
