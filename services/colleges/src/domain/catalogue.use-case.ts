import type { CatalogueFilter } from '../store/cohort.repository';
import type { CollegesContext } from './colleges.context';
import type { Cohort, College, Course } from './colleges.types';
import { seatsLeftOf } from './cohort-seats';
import { clampLimit, decodeCursor, encodeCursor } from './pagination';
import { SUPPORT_BASIS, trainingLoan } from './training-support.rules';

export interface CatalogueQuery extends CatalogueFilter {
  limit?: number;
  cursor?: string;
}

/**
 * One entry per open cohort, shaped after Open Referral HSDS (a directory of services): the course is the
 * service, the college its organization, the cohort a service at a location with a schedule, capacity
 * and costs. The README maps each member to its HSDS field.
 */
function entry(ctx: CollegesContext, cohort: Cohort, course: Course | undefined, college: College | undefined, seatsLeft: number) {
  const c = cohort.course;
  return {
    id: cohort.id,
    cohortId: cohort.id,
    courseId: cohort.courseId,
    status: cohort.status,
    service: {
      name: c.title,
      description: course?.description,
      occupationCode: c.occupationCode,
      skillsGranted: c.skillsGranted,
      level: c.level,
      durationWeeks: course?.durationWeeks,
      delivery: c.delivery,
      languages: course?.languages ?? ['vi'],
      eligibility: course?.prerequisites ?? [],
    },
    organization: college
      ? { id: college.id, name: college.name, licenceNumber: college.licenceNumber, contact: college.contact }
      : { id: cohort.collegeOrgId },
    location: cohort.location,
    schedule: { startsOn: cohort.startsOn, endsOn: cohort.endsOn, description: cohort.schedule },
    capacity: { seats: cohort.seats, seatsLeft },
    cost: {
      tuitionVnd: c.tuitionVnd,
      netTuitionVnd: c.netTuitionVnd,
      free: c.netTuitionVnd === 0,
      support: c.support.map((s) => ({ ...s, basis: SUPPORT_BASIS[s.kind] })),
      trainingLoan: course ? trainingLoan(course.durationWeeks, course.trainingLoanEligible, ctx.settings.trainingLoan) : undefined,
    },
  };
}

/** GET /catalogue: open cohorts by start date, filtered; seats left are counted live from the seat claims. */
export async function listCatalogue(ctx: CollegesContext, query: CatalogueQuery) {
  const { limit, cursor, ...filter } = query;
  const { items, more } = await ctx.cohorts.catalogue(filter, clampLimit(limit), decodeCursor(cursor));
  const taken = await ctx.seats.takenMany(items.map((c) => c.id));
  const courses = new Map((await ctx.courses.findMany([...new Set(items.map((c) => c.courseId))])).map((c) => [c.id, c]));
  const colleges = new Map((await ctx.colleges.findMany([...new Set(items.map((c) => c.collegeOrgId))])).map((c) => [c.id, c]));
  const entries = items
    .map((cohort) => entry(ctx, cohort, courses.get(cohort.courseId), colleges.get(cohort.collegeOrgId), seatsLeftOf(cohort, taken(cohort.id))))
    // the stored seatsLeft was a hint: drop cohorts that filled since it was written
    .filter((e) => !filter.minSeatsLeft || e.capacity.seatsLeft >= filter.minSeatsLeft);
  const last = items[items.length - 1];
  return { items: entries, nextCursor: more && last ? encodeCursor({ value: last.startsOn, id: last.id }) : null };
}
