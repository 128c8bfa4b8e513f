import { idempotentId } from '@hoanhap/kit';
import { enrolmentChanged } from '../events/college-events';
import type { Cause, CollegesContext } from './colleges.context';
import type { Enrolment } from './colleges.types';
import { admit, placeEnrolment } from './place-enrolment';

/** What colleges reads of cases.referral.created.v1. */
export interface Referral {
  referralId: string;
  returneeId: string;
  target: { kind: string; id: string };
}

/** The enrolment a referral makes has an id derived from the referral: redelivery finds it again. */
export const referralEnrolmentId = (referralId: string) => idempotentId('enrolment', 'referral', referralId);

const REOPENABLE: readonly Enrolment['status'][] = ['declined', 'dropped', 'withdrawn'];

/**
 * An officer referred a returnee to a cohort (target.kind = course, target.id = cohortId): the person is
 * enrolled on a free seat or waitlisted, and the status goes back to cases. Redelivery is harmless.
 */
export async function receiveReferral(ctx: CollegesContext, referral: Referral, cause: Cause): Promise<Enrolment | undefined> {
  if (referral.target.kind !== 'course') return undefined;
  const id = referralEnrolmentId(referral.referralId);
  const cohort = await ctx.cohorts.findById(referral.target.id);
  if (!cohort) return answerUnknownCohort(ctx, id, referral, cause);

  const placed = await placeEnrolment(ctx, { id, cohort, returneeId: referral.returneeId, referralId: referral.referralId, source: 'referral' }, cause);
  if (placed.enrolment || !placed.existing) return placed.enrolment;
  return joinExisting(ctx, placed.existing, referral, cause);
}

/**
 * The person already has an enrolment in this cohort (the same referral delivered again, a roster, or an
 * earlier referral). Same referral: finish admitting it. An ended one (declined, dropped, withdrawn) is
 * reopened for the new referral; a live one is linked to it, and cases hears its current status.
 */
async function joinExisting(ctx: CollegesContext, existing: Enrolment, referral: Referral, cause: Cause): Promise<Enrolment | undefined> {
  if (existing.referralId === referral.referralId) return existing.status === 'new' ? admit(ctx, existing.id, cause) : existing;
  const linked = await ctx.enrolments.change(
    existing.id,
    (current = existing) => {
      const reopen = REOPENABLE.includes(current.status);
      const next: Enrolment = {
        ...current,
        referralId: referral.referralId,
        ...(reopen ? { status: 'new' as const, reason: undefined, waitlistedAt: undefined } : {}),
        updatedAt: new Date(),
      };
      return { next, events: reopen ? [] : [enrolmentChanged(next)] };
    },
    cause,
  );
  return linked?.status === 'new' ? admit(ctx, linked.id, cause) : linked;
}

/**
 * A referral to a cohort this service never had: answered at once with `declined` (reason cohort-unknown)
 * so the officer sees it, instead of an enrolment nobody can ever act on.
 */
async function answerUnknownCohort(ctx: CollegesContext, id: string, referral: Referral, cause: Cause): Promise<undefined> {
  const now = new Date();
  const answer: Enrolment = {
    id,
    cohortId: referral.target.id,
    courseId: '',
    collegeOrgId: '',
    returneeId: referral.returneeId,
    referralId: referral.referralId,
    source: 'referral',
    status: 'declined',
    reason: 'cohort-unknown',
    createdAt: now,
    updatedAt: now,
  };
  // stored like any enrolment, so a redelivered referral finds it and answers nothing twice
  await ctx.enrolments.change(id, (current) => (current ? { next: current } : { next: answer, events: [enrolmentChanged(answer)] }), cause);
  return undefined;
}
