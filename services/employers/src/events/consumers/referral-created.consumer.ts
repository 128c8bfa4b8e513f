import { referralCreatedV1 } from '@hoanhap/contracts';
import { causedBy, onEvent } from '@hoanhap/events';
import { createApplicationFromReferral } from '../../domain/create-application.use-case';
import type { EmployersContext } from '../../domain/employers.context';

/** cases.referral.created.v1 → an application (`new`) for job referrals; other targets are not ours. */
export const referralCreatedConsumer = (ctx: EmployersContext) =>
  onEvent(referralCreatedV1, async (envelope) => {
    await createApplicationFromReferral(ctx, envelope.payload, causedBy(envelope));
  });
