import {
  applicationStatusChangedV1,
  certificateIssuedV1,
  employmentCheckedV1,
  enrolmentStatusChangedV1,
  jobPostedV1,
  loanApplicationStatusChangedV1,
  milestoneReachedV1,
  referralCreatedV1,
  referralStatusChangedV1,
  returneeRegisteredV1,
  returneeTransferredV1,
} from '@hoanhap/contracts';
import { onEvent, type EventHandler } from '@hoanhap/events';
import * as project from '../../domain/fact-projection.rules';
import type { ReportsStore } from '../../domain/reports.context';

/**
 * Every event the figures are made of. A handler only turns the event into facts and records them; the
 * dedupe is the facts' natural `_id` (see README, "Counter design"), so a redelivery is harmless.
 */
export function reportFactConsumers(store: ReportsStore): EventHandler[] {
  const { facts, places } = store;
  return [
    onEvent(returneeRegisteredV1, async ({ payload }) => {
      await places.registered(payload.returneeId, payload);
      await facts.record(project.registeredFacts(payload));
      await facts.placeReturnee(payload.returneeId, payload);
    }),
    onEvent(returneeTransferredV1, async ({ payload }) => {
      await places.moved(payload.returneeId, payload.to);
      await facts.record(project.transferredFacts(payload));
    }),
    onEvent(milestoneReachedV1, ({ payload }) => facts.record(project.milestoneFacts(payload))),
    onEvent(referralCreatedV1, ({ payload }) => facts.record(project.referralCreatedFacts(payload))),
    onEvent(referralStatusChangedV1, ({ payload }) => facts.record(project.referralStatusFacts(payload))),
    onEvent(jobPostedV1, ({ payload, occurredAt }) => facts.record(project.jobPostedFacts(payload, occurredAt))),
    onEvent(applicationStatusChangedV1, ({ payload }) => facts.record(project.applicationFacts(payload))),
    onEvent(employmentCheckedV1, ({ payload }) => facts.record(project.employmentCheckedFacts(payload))),
    onEvent(enrolmentStatusChangedV1, ({ payload }) => facts.record(project.enrolmentFacts(payload))),
    onEvent(certificateIssuedV1, ({ payload }) => facts.record(project.certificateFacts(payload))),
    onEvent(loanApplicationStatusChangedV1, ({ payload }) => facts.record(project.loanFacts(payload))),
  ] as EventHandler[];
}
