import { enrolmentChanged } from '../events/college-events';
import type { Cause, CollegesContext } from './colleges.context';
import type { Cohort, Enrolment } from './colleges.types';
import { admitsNow, takesEnrolments } from './cohort.rules';
import { settleCohort } from './cohort-seats';


/**
 * Gives a `new` enrolment a seat, or a place on the waiting list when the
 * cohort is full. The seat is a slot claim (an atomic insert), so however many
 * arrive at once, no more than the seats get one. Repeating it is harmless: a
 * claim already held is found again, so a crash between claim and write heals
 * on the next delivery of the same referral or roster.
 */
export async function admit(ctx: CollegesContext, enrolmentId: string, cause: Cause): Promise<Enrolment | undefined> {
  const admitted = await ctx.enrolments.change(
    enrolmentId,
    async (enrolment) => {
      if (!enrolment || enrolment.status !== 'new') return { next: enrolment };
      const cohort = await ctx.cohorts.findById(enrolment.cohortId);
      if (!cohort || !admitsNow(cohort.status)) return { next: enrolment };
      const claim = await ctx.seats.claim(cohort.id, enrolment.id, cohort.slotSpace);
      const now = new Date();
      const next: Enrolment = claim.claimed
        ? { ...enrolment, status: 'enrolled', updatedAt: now }
        : { ...enrolment, status: 'waitlisted', waitlistedAt: now, updatedAt: now };
      return { next, events: [enrolmentChanged(next)] };
    },
    cause,
  );
  // outside the enrolment's change: settling may promote this very enrolment (a seat freed meanwhile)
  if (admitted) await settleCohort(ctx, admitted.cohortId, cause);
  return admitted ? ctx.enrolments.findById(admitted.id) : undefined;
}

export interface NewEnrolment {
  id: string;
  cohort: Cohort;
  returneeId: string;
  referralId?: string;
  source: Enrolment['source'];
}

const duplicate = (id: string) => Object.assign(new Error(`enrolment ${id} exists`), { code: 11000 });

/**
 * Creates an enrolment (one per person and cohort: the unique index decides races) already placed: on a
 * free seat, on the waiting list when the cohort is full, `new` while the cohort is planned, or `declined`
 * at once when it finished or was cancelled, so no referral waits silently. One write, one event.
 * The seat is claimed before the insert; an insert refused (the person is already in the cohort) gives it
 * back, so does a write that failed; a crash between the two is healed by the redelivery (the claim is
 * found again).
 * Returns `existing` when the person already has an enrolment in the cohort.
 */
export async function placeEnrolment(ctx: CollegesContext, input: NewEnrolment, cause: Cause): Promise<{ enrolment?: Enrolment; existing?: Enrolment }> {
  const { cohort } = input;
  let claimed = false;
  try {
    const enrolment = await ctx.enrolments.change(
      input.id,
      async (current) => {
        if (current) throw duplicate(input.id);
        const now = new Date();
        const base: Enrolment = {
          id: input.id,
          cohortId: cohort.id,
          courseId: cohort.courseId,
          collegeOrgId: cohort.collegeOrgId,
          returneeId: input.returneeId,
          ...(input.referralId ? { referralId: input.referralId } : {}),
          source: input.source,
          status: 'new',
          createdAt: now,
          updatedAt: now,
        };
        const next = await placed(ctx, base, cohort, () => (claimed = true));
        return { next, events: [enrolmentChanged(next)] };
      },
      cause,
    );
    if (claimed || enrolment?.status === 'waitlisted') await settleCohort(ctx, cohort.id, cause);
    return { enrolment };
  } catch (error) {
    if ((error as { code?: unknown }).code !== 11000) {
      // nothing written (a lock that expired, a lost connection): give back the seat this attempt claimed
      if (claimed && !(await ctx.enrolments.findById(input.id))) await ctx.seats.release(cohort.id, input.id);
      throw error;
    }
    const existing = (await ctx.enrolments.findById(input.id)) ?? (await ctx.enrolments.findByCohortAndReturnee(cohort.id, input.returneeId));
    if (!existing) throw error;
    if (claimed && existing.id !== input.id) await ctx.seats.release(cohort.id, input.id);
    return { existing };
  }
}

/** Where a new enrolment lands, given its cohort's status and seats. */
async function placed(ctx: CollegesContext, base: Enrolment, cohort: Cohort, onClaim: () => void): Promise<Enrolment> {
  if (!takesEnrolments(cohort.status)) return { ...base, status: 'declined', reason: `cohort-${cohort.status}` };
  if (!admitsNow(cohort.status)) return base;
  const claim = await ctx.seats.claim(cohort.id, base.id, cohort.slotSpace);
  if (claim.claimed) {
    onClaim();
    return { ...base, status: 'enrolled' };
  }
  return { ...base, status: 'waitlisted', waitlistedAt: base.createdAt };
}
