import { onEvent } from '@hoanhap/events';
import { restrictionsPublishedV1 } from '@hoanhap/contracts';
import type { MatchingModel } from '../../domain/model/matching-model';

/** "Do not offer" facts (Art. 41–44), always published, to matching only; never shown, only applied. */
export const restrictionsPublishedConsumer = (model: MatchingModel) =>
  onEvent(restrictionsPublishedV1, async ({ payload }, { topic, partition, offset }) => {
    model.returnees.applyRestrictions(payload);
    model.applied(topic, partition, offset);
  });
