import type { EnrolmentStatus } from './colleges.types';
import { errors } from './colleges.errors';

/**
 * What a college may change an enrolment to (PATCH /enrollments/{id}). `withdrawn`
 * comes only from cases (cases.referral.withdrawn.v1); `waitlisted` only from a full cohort.
 * Completed, declined, dropped and withdrawn are answers: they stay.
 */
export const ENROLMENT_TRANSITIONS: Record<EnrolmentStatus, readonly EnrolmentStatus[]> = {
  new: ['enrolled', 'declined'],
  waitlisted: ['enrolled', 'declined'],
  enrolled: ['completed', 'dropped'],
  completed: [],
  declined: [],
  dropped: [],
  withdrawn: [],
};

export const TERMINAL: readonly EnrolmentStatus[] = ['completed', 'declined', 'dropped', 'withdrawn'];
export const isTerminal = (status: EnrolmentStatus) => TERMINAL.includes(status);

export function checkEnrolmentTransition(from: EnrolmentStatus, to: EnrolmentStatus): void {
  if (!ENROLMENT_TRANSITIONS[from].includes(to)) throw errors.transition('ENROLMENT', from, to, ENROLMENT_TRANSITIONS[from]);
}

export interface EnrolmentChange {
  status: 'enrolled' | 'completed' | 'dropped' | 'declined';
  result?: string;
  reason?: string;
}

/** Fields each target status needs: a result for completion, a reason for a decline. */
export function checkChangeFields(change: EnrolmentChange): void {
  if (change.status === 'completed' && !change.result) throw errors.invalid([errors.field('result', 'required', 'result is required to complete')]);
  if (change.status === 'declined' && !change.reason) throw errors.invalid([errors.field('reason', 'required', 'reason is required to decline')]);
}
