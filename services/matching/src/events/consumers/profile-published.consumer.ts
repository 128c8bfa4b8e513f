import { onEvent } from '@hoanhap/events';
import { profilePublishedV1 } from '@hoanhap/contracts';
import type { MatchingModel } from '../../domain/model/matching-model';

/** A returnee's consent-scoped profile: applied in memory at once, so a revoked consent counts from the next query. */
export const profilePublishedConsumer = (model: MatchingModel) =>
  onEvent(profilePublishedV1, async ({ payload }, { topic, partition, offset }) => {
    model.returnees.applyProfile(payload);
    model.applied(topic, partition, offset);
  });
