import { profilePublishedV1 } from '@hoanhap/contracts';
import { onEvent } from '@hoanhap/events';
import type { LoansContext } from '../../domain/loans.context';
import { recordReturneeProfile } from '../../domain/record-case-facts.use-case';

/** cases.returnee.profile-published.v1 → the bankView facts (or their removal when consent is revoked). */
export const returneeProfileConsumer = (ctx: LoansContext) =>
  onEvent(profilePublishedV1, async (envelope) => {
    await recordReturneeProfile(ctx, envelope.payload);
  });
