import { enrolmentChanged } from '../events/college-events';
import type { Cause, CollegesContext } from './colleges.context';
import type { Enrolment } from './colleges.types';
import { settleCohort } from './cohort-seats';
import { isTerminal } from './enrolment.rules';
import { referralEnrolmentId, type Referral } from './receive-referral.use-case';

/**
 * cases withdrew a referral (the officer, or consent revoked): the enrolment is withdrawn, its seat goes to
 * the first person waiting. An answer already given (completed, declined, dropped) stands. A withdrawal that
 * overtakes its referral leaves a withdrawn enrolment behind, so the late referral finds it and stops there.
 */
export async function withdrawReferral(ctx: CollegesContext, referral: Referral & { reason: string }, cause: Cause): Promise<Enrolment | undefined> {
  if (referral.target.kind !== 'course') return undefined;
  const id = referralEnrolmentId(referral.referralId);
  const found = (await ctx.enrolments.findById(id)) ?? (await ctx.enrolments.findByReferral(referral.referralId));
  if (!found) return recordEarlyWithdrawal(ctx, id, referral, cause);

  let released = false;
  const after = await ctx.enrolments.change(
    found.id,
    async (current) => {
      if (!current || isTerminal(current.status) || current.referralId !== referral.referralId) return { next: current };
      const next: Enrolment = { ...current, status: 'withdrawn', reason: referral.reason, waitlistedAt: undefined, updatedAt: new Date() };
      // the seat goes back before the write: a crash in between leaves a live enrolment without a seat, which
      // the redelivered withdrawal finishes; the other order could leave a withdrawn person holding one
      await ctx.seats.release(current.cohortId, current.id);
      released = true;
      return { next, events: [enrolmentChanged(next)] };
    },
    cause,
  );
  if (released && after) await settleCohort(ctx, after.cohortId, cause);
  return after;
}

async function recordEarlyWithdrawal(ctx: CollegesContext, id: string, referral: Referral & { reason: string }, cause: Cause) {
  const cohort = await ctx.cohorts.findById(referral.target.id);
  if (!cohort) return undefined;
  const now = new Date();
  const tombstone: Enrolment = {
    id,
    cohortId: cohort.id,
    courseId: cohort.courseId,
    collegeOrgId: cohort.collegeOrgId,
    returneeId: referral.returneeId,
    referralId: referral.referralId,
    source: 'referral',
    status: 'withdrawn',
    reason: referral.reason,
    createdAt: now,
    updatedAt: now,
  };
  try {
    await ctx.enrolments.change(
      id,
      (current) => {
        if (current) throw Object.assign(new Error(`enrolment ${id} exists`), { code: 11000 });
        return { next: tombstone, events: [enrolmentChanged(tombstone)] };
      },
      cause,
    );
  } catch (error) {
    if ((error as { code?: number }).code !== 11000) throw error;
    // the referral arrived meanwhile: withdraw it now; a roster enrolment of the same person is not this referral's
    const arrived = (await ctx.enrolments.findById(id)) ?? (await ctx.enrolments.findByReferral(referral.referralId));
    return arrived ? withdrawReferral(ctx, referral, cause) : undefined;
  }
  return tombstone;
}
