import { referralWithdrawnV1 } from '@hoanhap/contracts';
import { causedBy, onEvent } from '@hoanhap/events';
import type { EmployersContext } from '../../domain/employers.context';
import { withdrawApplication } from '../../domain/withdraw-application.use-case';

/** cases.referral.withdrawn.v1 → the application is withdrawn (unless already answered). */
export const referralWithdrawnConsumer = (ctx: EmployersContext) =>
  onEvent(referralWithdrawnV1, async (envelope) => {
    await withdrawApplication(ctx, envelope.payload, causedBy(envelope));
  });
