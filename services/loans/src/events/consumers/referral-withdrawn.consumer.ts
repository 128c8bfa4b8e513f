import { referralWithdrawnV1 } from '@hoanhap/contracts';
import { causedBy, onEvent } from '@hoanhap/events';
import type { LoansContext } from '../../domain/loans.context';
import { recordReferralWithdrawn } from '../../domain/record-case-facts.use-case';

/** cases.referral.withdrawn.v1 for a loan → its undecided applications are withdrawn (once per event). */
export const referralWithdrawnConsumer = (ctx: LoansContext) =>
  onEvent(referralWithdrawnV1, async (envelope) => {
    await recordReferralWithdrawn(ctx, envelope.payload, { ...causedBy(envelope), applyOnce: envelope.eventId });
  });
