import { referralCreatedV1 } from '@hoanhap/contracts';
import { onEvent } from '@hoanhap/events';
import type { LoansContext } from '../../domain/loans.context';
import { recordReferral } from '../../domain/record-case-facts.use-case';

/** cases.referral.created.v1 with target.kind = loan → a referral an application may answer. */
export const referralCreatedConsumer = (ctx: LoansContext) =>
  onEvent(referralCreatedV1, async (envelope) => {
    await recordReferral(ctx, envelope.payload);
  });
