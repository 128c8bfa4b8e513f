import { AppError } from '@hoanhap/kit';
import { referralEvents } from '../events/referral-events';
import type { CasesContext } from './cases.context';
import { mapSideStatus, nextStatus } from './referral.rules';
import type { Referral, ReferralKind } from './referral.types';
import type { Actor } from './returnee.types';

/** What a receiving side reported about the application, enrolment or loan made from a referral. */
export interface SideUpdate {
  kind: ReferralKind;
  referralId: string;
  returneeId?: string;
  /** The side's own record (application, enrolment, loan application). */
  recordId: string;
  sideStatus: string;
  /** False while an employer has not opened the application yet (`openedAt` absent). */
  opened?: boolean;
  reason?: string;
  at: string;
}

export type SideOutcome = 'applied' | 'ignored-older' | 'ignored-same' | 'ignored-mismatch';

/**
 * Follows the receiving side's status (ARCHITECTURE §3 table): the referral moves forward only, an answer is
 * final, and the side's own status and reason are kept beside it. Older or repeated reports change nothing
 * (Kafka delivers at least once, and topics are not ordered with each other). Each change publishes
 * `cases.referral.status-changed.v1` and puts the referral in the officer's inbox.
 */
export async function applySideStatus(ctx: CasesContext, actor: Actor, update: SideUpdate, eventId?: string): Promise<SideOutcome> {
  // a redelivered event (same eventId) does not reach the function: nothing changes
  let outcome: SideOutcome = 'ignored-same';
  const skip = (why: SideOutcome) => {
    outcome = why;
    return null;
  };
  await ctx.referrals.change(update.referralId, { ...actor, applyOnce: eventId }, async (current) => {
    if (!current) {
      // created here before the side could know it: not yet stored means not yet visible, retry later
      throw new AppError('REFERRAL.NOT_YET_KNOWN', 409, `no referral ${update.referralId} yet`, { retryable: true });
    }
    if (current.target.kind !== update.kind || (update.returneeId && update.returneeId !== current.returneeId))
      return skip('ignored-mismatch');
    if (current.side && update.at < current.side.at) return skip('ignored-older');
    const status = nextStatus(current.status, mapSideStatus(update.kind, update.sideStatus, update.opened));
    if (status === current.status && current.side?.status === update.sideStatus && current.side.reason === update.reason)
      return skip('ignored-same');
    const next: Referral = {
      ...current,
      status,
      side: { status: update.sideStatus, ...(update.reason && { reason: update.reason }), at: update.at, recordId: update.recordId },
      changedAt: update.at > current.changedAt ? update.at : current.changedAt,
      unreadAnswer: true,
      history: [
        ...current.history,
        { status, sideStatus: update.sideStatus, ...(update.reason && { reason: update.reason }), at: update.at },
      ],
    };
    outcome = 'applied';
    return { referral: next, events: [referralEvents.statusChanged(next, update.at)] };
  });
  return outcome;
}
