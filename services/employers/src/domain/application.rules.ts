import type { Application, ApplicationPatch, ApplicationStatus } from './application.types';
import { errors } from './employers.errors';

/**
 * The legal moves an employer makes (ARCHITECTURE §3: new → interview/offered
 * → hired, or declined). Hiring straight from `new` is allowed: small
 * employers often hire after one talk. Hired, declined and withdrawn are final.
 */
const EMPLOYER_MOVES: Record<ApplicationStatus, readonly ApplicationStatus[]> = {
  new: ['interview', 'offered', 'hired', 'declined'],
  interview: ['interview', 'offered', 'hired', 'declined'],
  offered: ['hired', 'declined'],
  hired: [],
  declined: [],
  withdrawn: [],
};

export function checkTransition(from: ApplicationStatus, to: ApplicationStatus): void {
  if (!EMPLOYER_MOVES[from].includes(to)) throw errors.transitionIllegal(from, to);
}

/** Only a live application can be withdrawn; a hire or a decline already answered the referral. */
export const isWithdrawable = (status: ApplicationStatus) => status === 'new' || status === 'interview' || status === 'offered';

/** Fields that belong to one status only, so a request does not silently drop what it sent. */
const FIELDS_BY_STATUS: Record<ApplicationPatch['status'], readonly (keyof ApplicationPatch)[]> = {
  interview: ['interviewAt'],
  offered: [],
  hired: ['startDate', 'contractType'],
  declined: ['reason', 'reasonNote'],
};
const STATUS_FIELDS: readonly (keyof ApplicationPatch)[] = ['interviewAt', 'startDate', 'contractType', 'reason', 'reasonNote'];

/**
 * Checks that the request carries nothing meant for another status. `interviewAt` and `reason` stay optional,
 * as in ARCHITECTURE §6's body (an interview not yet timed; a decline the employer would not explain).
 */
export function checkPatch(patch: ApplicationPatch): void {
  const stray = STATUS_FIELDS.find((f) => patch[f] !== undefined && !FIELDS_BY_STATUS[patch.status].includes(f));
  if (stray) throw errors.invalid('APPLICATION.FIELD_NOT_FOR_STATUS', stray, 'status', `${stray} does not apply to status ${patch.status}`);
}

/** The application after an employer's move (the hire's opening is claimed by the caller). */
export function applyPatch(application: Application, patch: ApplicationPatch, now: Date): Application {
  const next: Application = { ...application, status: patch.status, updatedAt: now };
  if (patch.status === 'interview' && patch.interviewAt) next.interviewAt = new Date(patch.interviewAt);
  if (patch.status === 'hired') Object.assign(next, { hiredAt: now, startDate: patch.startDate, contractType: patch.contractType });
  if (patch.status === 'declined') Object.assign(next, { reason: patch.reason, reasonNote: patch.reasonNote });
  return next;
}
