import { onEvent } from '@hoanhap/events';
import { loanProductPublishedV1 } from '@hoanhap/contracts';
import type { MatchingModel } from '../../domain/model/matching-model';

/** A Decision 22/2023 loan product as the policy in force defines it; the latest per productCode. */
export const loanProductPublishedConsumer = (model: MatchingModel) =>
  onEvent(loanProductPublishedV1, async ({ payload }, { topic, partition, offset }) => {
    model.cohorts.applyProduct(payload);
    model.applied(topic, partition, offset);
  });
