import { createOnce, idempotentId } from '@hoanhap/kit';
import { cohortPublished } from '../events/college-events';
import { collegeOf } from './access';
import type { Cause, CollegesContext } from './colleges.context';
import { cohortDto, courseDto } from './colleges.dto';
import type { Caller, Cohort, Course } from './colleges.types';
import { errors } from './colleges.errors';
import { buildCohort } from './cohort-factory';
import { isPublished } from './cohort.rules';
import { courseFields, type CourseInput, type FirstCohortInput } from './course-input';
import { checkCourse } from './course.rules';
import { dayOf } from './dates';
import { netTuitionVnd } from './training-support.rules';

const isDuplicateKey = (error: unknown) => (error as { code?: number } | null)?.code === 11000;

function firstCohortOf(course: Course, input: FirstCohortInput): Cohort | undefined {
  if (input.startsAt === undefined && input.seats === undefined) return undefined;
  if (input.startsAt === undefined || input.seats === undefined) {
    const missing = input.startsAt === undefined ? 'startsAt' : 'seats';
    throw errors.invalid([errors.field(missing, 'required', `${missing} is required with ${missing === 'seats' ? 'startsAt' : 'seats'} (together they make the first cohort)`)]);
  }
  const id = idempotentId('cohort', course.id, 'first');
  return buildCohort(course, { startsOn: dayOf(input.startsAt), seats: input.seats, ...(input.schedule ? { schedule: input.schedule } : {}) }, id, course.createdAt);
}

/** The first cohort is a second insert: made again from the course if a crash came between the two. */
async function ensureCohort(ctx: CollegesContext, cohort: Cohort, cause: Cause): Promise<void> {
  if (await ctx.cohorts.findById(cohort.id)) return;
  try {
    await ctx.seats.open(cohort.id);
    await ctx.enrolments.openWaitlist(cohort.id);
    await ctx.cohorts.create(cohort, isPublished(cohort.status) ? [cohortPublished(cohort, cohort.seats)] : [], cause);
  } catch (error) {
    if (!isDuplicateKey(error)) throw error;
  }
}

/**
 * POST /courses: a college lists a course (the ARCHITECTURE §6 body as written, with optional level,
 * delivery, support, languages, prerequisites); startsAt and seats also open its first cohort.
 * Idempotency-Key: a retry returns the first reply and creates nothing new.
 */
export async function createCourse(ctx: CollegesContext, caller: Caller, key: string | undefined, body: CourseInput & FirstCohortInput, cause: Cause) {
  const collegeOrgId = collegeOf(caller);
  const { startsAt, seats, schedule, ...input } = body;
  const fields = courseFields(input);
  checkCourse(fields);
  let firstCohort: Cohort | undefined;
  const result = await createOnce({
    resource: 'course',
    scope: caller.sub,
    key,
    request: body,
    cache: ctx.idempotencyCache,
    build: (id) => {
      const now = new Date();
      const course: Course = { id, collegeOrgId, ...fields, netTuitionVnd: netTuitionVnd(fields.tuitionVnd, fields.support), createdAt: now, updatedAt: now };
      firstCohort = firstCohortOf(course, { startsAt, seats, schedule });
      const reply = { ...courseDto(course, ctx.settings), ...(firstCohort ? { firstCohort: cohortDto(firstCohort, 0) } : {}) };
      return { document: course, reply: { status: 201, body: reply } };
    },
    insert: (course) => ctx.courses.insert(course),
    findRecord: (id) => ctx.courses.findIdempotency(id),
  });
  if (!firstCohort && (startsAt !== undefined || seats !== undefined)) {
    const course = await ctx.courses.findById(result.id);
    firstCohort = course ? firstCohortOf(course, { startsAt, seats, schedule }) : undefined;
  }
  if (firstCohort) await ensureCohort(ctx, firstCohort, cause);
  return result;
}
