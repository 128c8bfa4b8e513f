import type { CohortStatus } from './colleges.types';
import { errors } from './colleges.errors';

/** planned → open → running → finished, and cancelled from any of the first three. */
export const COHORT_TRANSITIONS: Record<CohortStatus, readonly CohortStatus[]> = {
  planned: ['open', 'cancelled'],
  open: ['running', 'cancelled'],
  running: ['finished', 'cancelled'],
  finished: [],
  cancelled: [],
};

export function checkCohortTransition(from: CohortStatus, to: CohortStatus): void {
  if (from !== to && !COHORT_TRANSITIONS[from].includes(to)) throw errors.transition('COHORT', from, to, COHORT_TRANSITIONS[from]);
}

/** People are placed on seats only while the cohort has not finished or been cancelled. */
export const takesEnrolments = (status: CohortStatus) => status === 'planned' || status === 'open' || status === 'running';
/** Seats are handed out once the cohort is open; before that, enrolments wait as `new`. */
export const admitsNow = (status: CohortStatus) => status === 'open' || status === 'running';
/** Published (colleges.cohort.published.v1) from the moment it opens. */
export const isPublished = (status: CohortStatus) => status !== 'planned';

export function checkCohortDates(startsOn: string, endsOn: string): void {
  if (endsOn < startsOn) throw errors.invalid([errors.field('endsOn', 'after-start', `endsOn ${endsOn} is before startsOn ${startsOn}`)]);
}
