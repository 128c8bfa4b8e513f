import { referralWithdrawnV1 } from '@hoanhap/contracts';
import { onEvent } from '@hoanhap/events';
import type { CollegesContext } from '../../domain/colleges.context';
import { withdrawReferral } from '../../domain/withdraw-referral.use-case';
import { causeOf } from './event-cause';

/** cases withdrew a referral (the officer, or consent revoked): the enrolment is withdrawn, its seat freed. */
export const referralWithdrawnConsumer = (ctx: CollegesContext) =>
  onEvent(referralWithdrawnV1, async (envelope) => {
    const { referralId, returneeId, target, reason } = envelope.payload;
    await withdrawReferral(ctx, { referralId, returneeId, target, reason }, causeOf(envelope));
  });
