import { cohortPublished, enrolmentChanged } from '../events/college-events';
import { checkOwner, loadCohort } from './access';
import type { Cause, CollegesContext } from './colleges.context';
import type { Caller, Cohort, CohortStatus, Location } from './colleges.types';
import { errors } from './colleges.errors';
import { checkLocation } from './cohort-factory';
import { checkCohortDates, checkCohortTransition, isPublished, takesEnrolments } from './cohort.rules';
import { resizeSeats, seatsLeftOf, settleCohort } from './cohort-seats';
import { admit } from './place-enrolment';

export interface CohortChanges {
  status?: CohortStatus;
  seats?: number;
  startsOn?: string;
  endsOn?: string;
  location?: Location;
  schedule?: string;
}

/** Everything the cohort changes, as its only writer: status along the legal path, dates, place, seats. */
async function applyChanges(ctx: CollegesContext, cohort: Cohort, changes: CohortChanges) {
  if (changes.status) checkCohortTransition(cohort.status, changes.status);
  const { status: _status, ...edits } = changes;
  if (!takesEnrolments(cohort.status) && Object.keys(edits).length > 0) throw errors.transition('COHORT', cohort.status, 'edited', []);
  const startsOn = changes.startsOn ?? cohort.startsOn;
  const endsOn = changes.endsOn ?? cohort.endsOn;
  checkCohortDates(startsOn, endsOn);
  if (changes.location) checkLocation(changes.location);
  const seats = changes.seats === undefined || changes.seats === cohort.seats ? {} : await resizeSeats(ctx, cohort, changes.seats);
  const next: Cohort = { ...cohort, ...edits, ...seats, startsOn, endsOn, status: changes.status ?? cohort.status, updatedAt: new Date() };
  const left = seatsLeftOf(next, await ctx.seats.taken(cohort.id));
  return { next: { ...next, seatsLeft: left }, events: isPublished(next.status) ? [cohortPublished(next, left)] : [] };
}

/** A cancelled cohort answers everyone still in it: declined, reason cohort-cancelled. */
async function declineEveryone(ctx: CollegesContext, cohortId: string, cause: Cause): Promise<void> {
  for (const enrolment of await ctx.enrolments.inStatuses(cohortId, ['new', 'waitlisted', 'enrolled'])) {
    await ctx.enrolments.change(
      enrolment.id,
      async (current) => {
        if (!current || !['new', 'waitlisted', 'enrolled'].includes(current.status)) return { next: current };
        await ctx.seats.release(cohortId, current.id);
        const next = { ...current, status: 'declined' as const, reason: 'cohort-cancelled', waitlistedAt: undefined, updatedAt: new Date() };
        return { next, events: [enrolmentChanged(next)] };
      },
      cause,
    );
  }
}

/**
 * PATCH /cohorts/{id} by its college. Opening hands seats to the people who were enrolled while it was
 * planned, in their order of arrival; cancelling declines everyone still in it; more seats promote the
 * waiting list; fewer seats are refused below the seats taken (409).
 */
export async function updateCohort(ctx: CollegesContext, caller: Caller, id: string, changes: CohortChanges, cause: Cause): Promise<Cohort> {
  const before = await loadCohort(ctx, id);
  checkOwner(caller, before);
  const cohort = await ctx.cohorts.change(id, (current) => applyChanges(ctx, current ?? before, changes), cause);
  if (!cohort) throw errors.notFound('COHORT', id);
  if (cohort.status === 'open' && before.status === 'planned') {
    const waiting = (await ctx.enrolments.inStatuses(id, ['new'])).sort((a, b) => a.createdAt.getTime() - b.createdAt.getTime());
    for (const enrolment of waiting) await admit(ctx, enrolment.id, cause);
  }
  if (cohort.status === 'cancelled') await declineEveryone(ctx, id, cause);
  await settleCohort(ctx, id, cause);
  return cohort;
}
