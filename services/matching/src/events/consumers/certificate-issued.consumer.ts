import { onEvent } from '@hoanhap/events';
import { certificateIssuedV1 } from '@hoanhap/contracts';
import type { MatchingModel } from '../../domain/model/matching-model';

/** A certificate's skills count at once (cases republishes the profile with it later); ignored without consent. */
export const certificateIssuedConsumer = (model: MatchingModel) =>
  onEvent(certificateIssuedV1, async ({ payload }, { topic, partition, offset }) => {
    model.returnees.addCertificate(payload);
    model.applied(topic, partition, offset);
  });
