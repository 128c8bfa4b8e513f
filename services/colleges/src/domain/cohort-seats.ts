import { cohortPublished, enrolmentChanged } from '../events/college-events';
import type { Cause, CollegesContext } from './colleges.context';
import type { Cohort } from './colleges.types';
import { errors } from './colleges.errors';
import { admitsNow, isPublished } from './cohort.rules';
import { isTerminal } from './enrolment.rules';

const closedSeat = (n: number) => `closed:${n}`;

/** Seats left now, counted from the claims (the stored `seatsLeft` is only the catalogue's hint). */
export const seatsLeftOf = (cohort: Cohort, taken: number) => Math.max(0, cohort.slotSpace - taken);

/**
 * Changes a cohort's seats. Fewer seats: the freed slots are claimed by
 * sentinels like any person would claim them, so a reduction can never take
 * a seat someone holds, even racing concurrent enrolments. More seats: the
 * sentinels go first, then the slot space grows.
 */
export async function resizeSeats(ctx: CollegesContext, cohort: Cohort, seats: number): Promise<Pick<Cohort, 'seats' | 'slotSpace'>> {
  const closed = cohort.slotSpace - cohort.seats;
  if (seats < cohort.seats) {
    const claimedNow: string[] = [];
    for (let n = closed; n < cohort.slotSpace - seats; n++) {
      const claim = await ctx.seats.claim(cohort.id, closedSeat(n), cohort.slotSpace);
      if (!claim.claimed) {
        await Promise.all(claimedNow.map((sentinel) => ctx.seats.release(cohort.id, sentinel)));
        throw errors.seatsTaken((await ctx.seats.taken(cohort.id)) - closed);
      }
      if (!claim.alreadyHeld) claimedNow.push(closedSeat(n));
    }
    return { seats, slotSpace: cohort.slotSpace };
  }
  const reopenFrom = seats <= cohort.slotSpace ? cohort.slotSpace - seats : 0;
  for (let n = reopenFrom; n < closed; n++) await ctx.seats.release(cohort.id, closedSeat(n));
  return { seats, slotSpace: Math.max(seats, cohort.slotSpace) };
}

/** Moves one waitlisted person onto the seat just claimed for them; gives the seat back if they left meanwhile. */
async function promote(ctx: CollegesContext, cohortId: string, enrolmentId: string, cause: Cause): Promise<void> {
  await ctx.enrolments.change(
    enrolmentId,
    async (enrolment) => {
      if (!enrolment || enrolment.status !== 'waitlisted') {
        // withdrawn or declined while we claimed: the seat is not theirs to keep
        if (!enrolment || (isTerminal(enrolment.status) && enrolment.status !== 'completed')) await ctx.seats.release(cohortId, enrolmentId);
        return { next: enrolment };
      }
      const next = { ...enrolment, status: 'enrolled' as const, waitlistedAt: undefined, updatedAt: new Date() };
      return { next, events: [enrolmentChanged(next)] };
    },
    cause,
  );
}

/** Hands free seats to the waiting list in its order until the seats or the list run out. */
async function fillFromWaitlist(ctx: CollegesContext, cohort: Cohort, cause: Cause): Promise<void> {
  const handled = new Set<string>();
  for (;;) {
    const waiting = (await ctx.enrolments.waitlist(cohort.id, 20)).filter((e) => !handled.has(e.id));
    if (waiting.length === 0) return;
    for (const candidate of waiting) {
      const claim = await ctx.seats.claim(cohort.id, candidate.id, cohort.slotSpace);
      if (!claim.claimed) return;
      handled.add(candidate.id);
      // a seat already held means another writer (a PATCH, another instance) is placing this person
      if (!claim.alreadyHeld) await promote(ctx, cohort.id, candidate.id, cause);
    }
  }
}

/**
 * After any change of seats or of the waiting list: promote waiting people
 * into free seats, recount, and publish the cohort when its seats left
 * changed. Requests arriving meanwhile merge into one run per cohort.
 * Never await it inside a change of the same cohort or of an enrolment.
 */
export function settleCohort(ctx: CollegesContext, cohortId: string, cause: Cause): Promise<void> {
  return ctx.queues.settle.coalesce(cohortId, async () => {
    const cohort = await ctx.cohorts.findById(cohortId);
    if (!cohort) return;
    if (admitsNow(cohort.status)) await fillFromWaitlist(ctx, cohort, cause);
    // most settles change nothing (a full cohort stays full): skip the locked write then
    if (seatsLeftOf(cohort, await ctx.seats.taken(cohortId)) === cohort.seatsLeft) return;
    await ctx.cohorts.change(
      cohortId,
      async (current) => {
        if (!current) return {};
        const left = seatsLeftOf(current, await ctx.seats.taken(cohortId));
        if (left === current.seatsLeft) return { next: current };
        const next = { ...current, seatsLeft: left };
        return { next, events: isPublished(next.status) ? [cohortPublished(next, left)] : [] };
      },
      cause,
    );
  });
}
