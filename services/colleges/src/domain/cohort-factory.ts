import type { Cohort, Course, Location } from './colleges.types';
import { errors } from './colleges.errors';
import { checkCohortDates } from './cohort.rules';
import { placeProblems } from './course.rules';
import { addDays } from './dates';

export interface CohortInput {
  startsOn: string;
  /** Defaults to the course's length from startsOn. */
  endsOn?: string;
  seats: number;
  location?: Location;
  schedule?: string;
  /** `open` (published, taking enrolments) unless the college plans it first. */
  status?: 'planned' | 'open';
}

/** What a cohort copies of its course, so the catalogue and events need no second read. */
export const courseCopy = (course: Course): Cohort['course'] => ({
  title: course.title,
  occupationCode: course.occupationCode,
  skillsGranted: course.skillsGranted,
  delivery: course.delivery,
  tuitionVnd: course.tuitionVnd,
  netTuitionVnd: course.netTuitionVnd,
  level: course.level,
  support: course.support,
});

export function checkLocation(location: Location): void {
  const problems = placeProblems(location.provinceCode, location.communeCode, 'location.');
  if (problems.length > 0) throw errors.invalid(problems);
}

/** A new cohort of `course`, checked (end not before start, a real place); seats all free. */
export function buildCohort(course: Course, input: CohortInput, id: string, now = new Date()): Cohort {
  const endsOn = input.endsOn ?? addDays(input.startsOn, course.durationWeeks * 7 - 1);
  checkCohortDates(input.startsOn, endsOn);
  const location: Location = input.location ?? { provinceCode: course.provinceCode, ...(course.communeCode ? { communeCode: course.communeCode } : {}) };
  checkLocation(location);
  return {
    id,
    courseId: course.id,
    collegeOrgId: course.collegeOrgId,
    startsOn: input.startsOn,
    endsOn,
    location,
    seats: input.seats,
    slotSpace: input.seats,
    seatsLeft: input.seats,
    ...(input.schedule ? { schedule: input.schedule } : {}),
    status: input.status ?? 'open',
    course: courseCopy(course),
    createdAt: now,
    updatedAt: now,
  };
}
