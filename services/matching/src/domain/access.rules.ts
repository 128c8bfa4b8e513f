import type { Caller, MatchingContext } from './matching.context';
import { matchingErrors } from './matching.errors';
import { STATE } from './model/returnee-table';

/**
 * Object-level access to one returnee's matches (OWASP API1): an officer only for people of their
 * province, a returnee only for themself, an administrator for anyone. Known-ness comes first, so a
 * client retrying after "not yet known" gets its answer as soon as the events arrive.
 * Returns the returnee's slot.
 */
export function returneeFor(ctx: MatchingContext, caller: Caller, returneeId: string): number {
  const R = ctx.model.returnees;
  const slot = R.slotOf(returneeId);
  if (slot < 0 || R.profileRevision[slot] === 0) throw matchingErrors.notYetKnown('returnee', returneeId);
  if (caller.role === 'returnee' && caller.sub !== returneeId) throw matchingErrors.notYours();
  if (!R.has(slot, STATE.profile)) throw matchingErrors.noConsent(returneeId);
  if (caller.role === 'officer' && caller.provinceCode !== ctx.model.vocab.provinces.names[R.province[slot]!]) throw matchingErrors.otherProvince();
  return slot;
}

/**
 * Access to one job's candidates: the employer that owns it, officers (who then see only people of
 * their own province), administrators. Returns the job's slot and the province filter.
 */
export function jobFor(ctx: MatchingContext, caller: Caller, jobId: string): { slot: number; onlyProvince?: number } {
  const J = ctx.model.jobs;
  const slot = J.slotOf(jobId);
  if (slot < 0) throw matchingErrors.notYetKnown('job', jobId);
  if (caller.role === 'employer' && ctx.model.vocab.orgs.names[J.org[slot]!] !== caller.orgId) throw matchingErrors.notYourJob();
  if (!J.isOpen(slot)) throw matchingErrors.jobNotOpen(jobId, J.statusOf(slot));
  if (caller.role !== 'officer') return { slot };
  const province = caller.provinceCode === undefined ? -1 : ctx.model.vocab.provinces.find(caller.provinceCode);
  // an officer without a known province sees nobody rather than everybody
  return { slot, onlyProvince: province < 0 ? Number.MAX_SAFE_INTEGER : province };
}
