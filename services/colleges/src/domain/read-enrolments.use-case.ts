import { loadCourseForEnrolments, loadOwnEnrolment } from './access';
import type { CollegesContext } from './colleges.context';
import { enrolmentDto } from './colleges.dto';
import type { Caller, Enrolment, EnrolmentStatus } from './colleges.types';
import { clampLimit, decodeCursor, pageOf } from './pagination';

/** One enrolment for its college, with the consented view of the person and their place in the queue. */
export async function enrolmentView(ctx: CollegesContext, enrolment: Enrolment) {
  const view = await ctx.returnees.find(enrolment.returneeId);
  const position = enrolment.status === 'waitlisted' ? (await ctx.enrolments.aheadOnWaitlist(enrolment)) + 1 : undefined;
  return enrolmentDto(enrolment, view, position);
}

export async function getEnrolment(ctx: CollegesContext, caller: Caller, id: string) {
  return enrolmentView(ctx, await loadOwnEnrolment(ctx, caller, id));
}

export interface EnrolmentQuery {
  cohortId?: string;
  status?: EnrolmentStatus;
  limit?: number;
  cursor?: string;
}

/** GET /courses/{id}/enrollments: the course's enrolments for its own college (another college: 404). */
export async function listCourseEnrolments(ctx: CollegesContext, caller: Caller, courseId: string, query: EnrolmentQuery) {
  const course = await loadCourseForEnrolments(ctx, caller, courseId);
  const { items, more } = await ctx.enrolments.pageOfCourse(
    course.id,
    { cohortId: query.cohortId, status: query.status },
    clampLimit(query.limit),
    decodeCursor(query.cursor),
  );
  const views = new Map((await ctx.returnees.findMany([...new Set(items.map((e) => e.returneeId))])).map((v) => [v.returneeId, v]));
  const page = pageOf(items, more, (e) => ({ value: e.createdAt, id: e.id }));
  return { items: page.items.map((e) => enrolmentDto(e, views.get(e.returneeId))), nextCursor: page.nextCursor };
}
