import { profilePublishedV1 } from '@hoanhap/contracts';
import { onEvent } from '@hoanhap/events';
import { applyProfile } from '../../domain/apply-profile.use-case';
import type { CollegesContext } from '../../domain/colleges.context';

/**
 * A returnee's consent-scoped profile: only the revision and the college view are read; the other sections
 * (matching, employer, bank views) are never stored here. One writer per returnee: the partition of its key.
 */
export const profilePublishedConsumer = (ctx: CollegesContext) =>
  onEvent(profilePublishedV1, async (envelope) => {
    const { returneeId, revision, collegeView } = envelope.payload;
    await applyProfile(ctx, { returneeId, revision, ...(collegeView ? { collegeView } : {}) });
  });
