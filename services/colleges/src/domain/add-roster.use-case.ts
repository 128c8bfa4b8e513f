import { idempotentId } from '@hoanhap/kit';
import { loadCohort } from './access';
import type { Cause, CollegesContext } from './colleges.context';
import type { Caller, Enrolment } from './colleges.types';
import { errors } from './colleges.errors';
import { admit, placeEnrolment } from './place-enrolment';

/** A roster enrolment's id comes from (cohort, person): giving the same roster twice enrols nobody twice. */
export const rosterEnrolmentId = (cohortId: string, returneeId: string) => idempotentId('enrolment', `roster:${cohortId}`, returneeId);

export interface RosterEntry {
  returneeId: string;
  enrolmentId: string;
  status: Enrolment['status'];
}

/**
 * The officer of a prison gives the list of people in a cohort taught inside before release. Each is placed
 * in roster order (seats first come, first served; the rest waitlisted). People colleges has not heard of
 * from cases yet make the whole roster wait (409 RETURNEE.NOT_YET_KNOWN with Retry-After).
 */
export async function addRoster(ctx: CollegesContext, _caller: Caller, cohortId: string, returneeIds: string[], cause: Cause): Promise<RosterEntry[]> {
  const cohort = await loadCohort(ctx, cohortId);
  if (cohort.course.delivery !== 'prison') throw errors.notPrisonDelivery();
  const people = [...new Set(returneeIds)];
  const known = new Set((await ctx.returnees.findMany(people)).map((r) => r.returneeId));
  const unknown = people.filter((id) => !known.has(id));
  if (unknown.length > 0) throw errors.notYetKnown('returnee', unknown, ctx.settings.notYetKnownRetryAfterSec);

  const entries: RosterEntry[] = [];
  for (const returneeId of people) {
    const id = rosterEnrolmentId(cohort.id, returneeId);
    const placed = await placeEnrolment(ctx, { id, cohort, returneeId, source: 'roster' }, cause);
    let enrolment = placed.enrolment ?? placed.existing;
    if (enrolment?.status === 'new' && placed.existing) enrolment = (await admit(ctx, enrolment.id, cause)) ?? enrolment;
    if (enrolment) entries.push({ returneeId, enrolmentId: enrolment.id, status: enrolment.status });
  }
  return entries;
}
