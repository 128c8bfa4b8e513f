import { enrolmentChanged } from '../events/college-events';
import type { Cause, CollegesContext } from './colleges.context';
import type { Cohort, Enrolment } from './colleges.types';
import { admitsNow, takesEnrolments } from './cohort.rules';
import { settleCohort } from './cohort-seats';

const isDuplicateKey = (error: unknown) => (error as { code?: number } | null)?.code === 11000;

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

/**
 * Inserts an enrolment (one per person and cohort: the unique index decides
 * races) and admits it. A cohort that already finished or was cancelled
 * answers at once with `declined`, so no referral waits silently.
 * Returns `existing` when the person already has an enrolment in the cohort.
 */
export async function placeEnrolment(ctx: CollegesContext, input: NewEnrolment, cause: Cause): Promise<{ enrolment?: Enrolment; existing?: Enrolment }> {
  const now = new Date();
  const open = takesEnrolments(input.cohort.status);
  const enrolment: Enrolment = {
    id: input.id,
    cohortId: input.cohort.id,
    courseId: input.cohort.courseId,
    collegeOrgId: input.cohort.collegeOrgId,
    returneeId: input.returneeId,
    ...(input.referralId ? { referralId: input.referralId } : {}),
    source: input.source,
    status: open ? 'new' : 'declined',
    ...(open ? {} : { reason: `cohort-${input.cohort.status}` }),
    createdAt: now,
    updatedAt: now,
  };
  try {
    // an enrolment admitted at once announces only where it landed (enrolled or waitlisted)
    const events = open && admitsNow(input.cohort.status) ? [] : [enrolmentChanged(enrolment)];
    await ctx.enrolments.change(
      input.id,
      (current) => {
        if (current) throw Object.assign(new Error(`enrolment ${input.id} exists`), { code: 11000 });
        return { next: enrolment, events };
      },
      cause,
    );
  } catch (error) {
    if (!isDuplicateKey(error)) throw error;
    const existing = (await ctx.enrolments.findById(input.id)) ?? (await ctx.enrolments.findByCohortAndReturnee(input.cohort.id, input.returneeId));
    if (!existing) throw error;
    return { existing };
  }
  return { enrolment: open ? await admit(ctx, enrolment.id, cause) : enrolment };
}
