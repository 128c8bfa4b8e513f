import { referralCreatedV1 } from '@hoanhap/contracts';
import { onEvent } from '@hoanhap/events';
import type { CollegesContext } from '../../domain/colleges.context';
import { receiveReferral } from '../../domain/receive-referral.use-case';
import { causeOf } from './event-cause';

/** cases referred a returnee to a cohort (target.kind = course, target.id = cohortId): enrol or waitlist. */
export const referralCreatedConsumer = (ctx: CollegesContext) =>
  onEvent(referralCreatedV1, async (envelope) => {
    const { referralId, returneeId, target } = envelope.payload;
    await receiveReferral(ctx, { referralId, returneeId, target }, causeOf(envelope));
  });
