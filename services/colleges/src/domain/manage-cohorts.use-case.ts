import { createOnce } from '@hoanhap/kit';
import { cohortPublished } from '../events/college-events';
import { checkOwner, loadCohort, loadCourse } from './access';
import type { Cause, CollegesContext } from './colleges.context';
import { cohortDto } from './colleges.dto';
import type { Caller } from './colleges.types';
import { buildCohort, type CohortInput } from './cohort-factory';
import { isPublished } from './cohort.rules';
import { clampLimit, decodeCursor, pageOf } from './pagination';

/** POST /courses/{id}/cohorts: a new intake of the college's own course (Idempotency-Key honoured). */
export async function createCohort(ctx: CollegesContext, caller: Caller, courseId: string, key: string | undefined, input: CohortInput, cause: Cause) {
  const course = await loadCourse(ctx, courseId);
  checkOwner(caller, course);
  return createOnce({
    resource: 'cohort',
    scope: caller.sub,
    key,
    request: { courseId, ...input },
    cache: ctx.idempotencyCache,
    build: (id) => {
      const cohort = buildCohort(course, input, id);
      return { document: cohort, reply: { status: 201, body: cohortDto(cohort, 0) } };
    },
    insert: async (cohort) => {
      await ctx.seats.open(cohort.id);
      await ctx.enrolments.openWaitlist(cohort.id);
      await ctx.cohorts.create(cohort, isPublished(cohort.status) ? [cohortPublished(cohort, cohort.seats)] : [], cause);
    },
    findRecord: (id) => ctx.cohorts.findIdempotency(id),
  });
}

/** A cohort with its seats left counted now. */
export async function getCohort(ctx: CollegesContext, id: string) {
  const cohort = await loadCohort(ctx, id);
  return cohortDto(cohort, await ctx.seats.taken(id));
}

export async function listCourseCohorts(ctx: CollegesContext, courseId: string, query: { limit?: number; cursor?: string }) {
  await loadCourse(ctx, courseId);
  const { items, more } = await ctx.cohorts.pageOfCourse(courseId, clampLimit(query.limit), decodeCursor(query.cursor));
  const taken = await ctx.seats.takenMany(items.map((c) => c.id));
  const page = pageOf(items, more, (c) => ({ value: c.startsOn, id: c.id }));
  return { items: page.items.map((c) => cohortDto(c, taken(c.id))), nextCursor: page.nextCursor };
}
