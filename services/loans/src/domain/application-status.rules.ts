import type { ApplicationStatus, LoanApplication } from './application.types';
import type { Caller } from './caller';
import { errors } from './loans.errors';
import type { OutgoingEvent } from './outgoing-event';
import { statusChangedEvent } from './application-events';

/** Where each status may go (ARCHITECTURE §3); anything else is a 409. */
const NEXT: Record<ApplicationStatus, readonly ApplicationStatus[]> = {
  draft: ['submitted', 'withdrawn'],
  submitted: ['under-review', 'more-info-needed', 'withdrawn'],
  'under-review': ['more-info-needed', 'approved', 'rejected', 'withdrawn'],
  'more-info-needed': ['submitted', 'under-review', 'withdrawn'],
  approved: ['disbursed'],
  rejected: [],
  disbursed: ['repaying', 'overdue', 'closed'],
  repaying: ['overdue', 'closed'],
  overdue: ['repaying', 'closed'],
  closed: [],
  withdrawn: [],
};

export function assertStatus(application: LoanApplication, allowed: readonly ApplicationStatus[], action: string): void {
  if (!allowed.includes(application.status)) throw errors.wrongStatus(application.status, action);
}

/**
 * The application in its new status with the history entry and the status-changed event, or the same
 * application and no event when the status does not change.
 */
export function moveTo(
  application: LoanApplication,
  status: ApplicationStatus,
  by: Pick<Caller, 'userId'>,
  at: Date,
  reasons?: string[],
): { next: LoanApplication; events: OutgoingEvent[] } {
  if (application.status === status) return { next: application, events: [] };
  if (!NEXT[application.status].includes(status)) throw errors.wrongStatus(application.status, `move to ${status}`);
  const when = at.toISOString();
  const next: LoanApplication = {
    ...application,
    status,
    updatedAt: when,
    history: [...application.history, { status, at: when, by: by.userId, ...(reasons?.length ? { reasons } : {}) }],
  };
  return { next, events: [statusChangedEvent(next, application.status, reasons)] };
}
