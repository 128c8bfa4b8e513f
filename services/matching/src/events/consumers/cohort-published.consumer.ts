import { onEvent } from '@hoanhap/events';
import { cohortPublishedV1 } from '@hoanhap/contracts';
import type { MatchingModel } from '../../domain/model/matching-model';

/** A cohort's full state (on opening and every change, seats included): the latest replaces the one held. */
export const cohortPublishedConsumer = (model: MatchingModel) =>
  onEvent(cohortPublishedV1, async ({ payload }, { topic, partition, offset }) => {
    model.cohorts.apply(payload);
    model.applied(topic, partition, offset);
  });
