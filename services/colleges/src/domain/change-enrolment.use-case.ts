import { enrolmentChanged } from '../events/college-events';
import { loadCohort, loadOwnEnrolment } from './access';
import type { Cause, CollegesContext } from './colleges.context';
import type { Caller, Cohort, Enrolment } from './colleges.types';
import { errors } from './colleges.errors';
import { settleCohort } from './cohort-seats';
import { checkChangeFields, checkEnrolmentTransition, type EnrolmentChange } from './enrolment.rules';
import { issueCertificate } from './issue-certificate';

/** Seat effects of a change: enrolling takes a seat (409 when none is left), leaving gives it back. */
async function applySeat(ctx: CollegesContext, enrolment: Enrolment, cohort: Cohort, change: EnrolmentChange): Promise<void> {
  if (change.status === 'enrolled') {
    const claim = await ctx.seats.claim(cohort.id, enrolment.id, cohort.slotSpace);
    if (!claim.claimed) throw errors.cohortFull(cohort.id);
  }
  if (change.status === 'dropped' || change.status === 'declined') await ctx.seats.release(cohort.id, enrolment.id);
}

/**
 * The college answers for an enrolment (PATCH /enrollments/{id}): enrolled, completed with a result (which
 * issues the certificate), dropped, or declined with a reason, along the legal transitions. Completing
 * again returns the same enrolment and certificate (a retried request).
 */
export async function changeEnrolment(ctx: CollegesContext, caller: Caller, id: string, change: EnrolmentChange, cause: Cause): Promise<Enrolment> {
  checkChangeFields(change);
  await loadOwnEnrolment(ctx, caller, id);
  const changed = await ctx.enrolments.change(
    id,
    async (enrolment) => {
      if (!enrolment) throw errors.notFound('ENROLMENT', id);
      const cohort = await loadCohort(ctx, enrolment.cohortId);
      if (enrolment.status === 'completed' && change.status === 'completed') {
        await issueCertificate(ctx, enrolment, cohort, enrolment.result, cause);
        return { next: enrolment };
      }
      checkEnrolmentTransition(enrolment.status, change.status);
      if (change.status === 'completed' && cohort.status !== 'running' && cohort.status !== 'finished') throw errors.cohortNotRunning(cohort.status);
      await applySeat(ctx, enrolment, cohort, change);
      const certificate = change.status === 'completed' ? await issueCertificate(ctx, enrolment, cohort, change.result, cause) : undefined;
      const next: Enrolment = {
        ...enrolment,
        status: change.status,
        waitlistedAt: undefined,
        reason: change.reason,
        result: change.status === 'completed' ? change.result : undefined,
        certificateId: certificate?.id,
        updatedAt: new Date(),
      };
      return { next, events: [enrolmentChanged(next)] };
    },
    cause,
  );
  if (!changed) throw errors.notFound('ENROLMENT', id);
  await settleCohort(ctx, changed.cohortId, cause);
  return changed;
}
