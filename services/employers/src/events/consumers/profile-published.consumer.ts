import { profilePublishedV1 } from '@hoanhap/contracts';
import { onEvent } from '@hoanhap/events';
import type { EmployersContext } from '../../domain/employers.context';
import { recordProfile } from '../../domain/record-profile.use-case';

/** cases.returnee.profile-published.v1 → the employer view kept here (or dropped, when consent is revoked). */
export const profilePublishedConsumer = (ctx: EmployersContext) =>
  onEvent(profilePublishedV1, async (envelope) => {
    await recordProfile(ctx, envelope.payload);
  });
