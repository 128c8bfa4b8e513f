import { onEvent } from '@hoanhap/events';
import { returneeTransferredV1 } from '@hoanhap/contracts';
import type { MatchingModel } from '../../domain/model/matching-model';

/** A file moved to another commune: the person is matched from the new place at once. */
export const returneeTransferredConsumer = (model: MatchingModel) =>
  onEvent(returneeTransferredV1, async ({ payload }, { topic, partition, offset }) => {
    model.returnees.transfer(payload);
    model.applied(topic, partition, offset);
  });
