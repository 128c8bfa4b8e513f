import { createServiceMessaging, type EventHandler, type MessagingWiring } from '@hoanhap/events';
import type { Cases } from '../app';
import { applicationStatusConsumer } from './consumers/application-status.consumer';
import { certificateIssuedConsumer } from './consumers/certificate-issued.consumer';
import { enrolmentStatusConsumer } from './consumers/enrolment-status.consumer';
import { invitationRequestedConsumer } from './consumers/invitation-requested.consumer';
import { loanStatusConsumer } from './consumers/loan-status.consumer';
import { referralTargetConsumers } from './consumers/referral-targets.consumer';

/** The consumer group defaults to `<topicPrefix>cases`. */
export type MessagingOptions = MessagingWiring;

export interface Messaging {
  stop(): Promise<void>;
}

/** Every event this service reacts to. */
export const consumers = (ctx: Cases['ctx']): EventHandler[] =>
  [
    applicationStatusConsumer(ctx),
    enrolmentStatusConsumer(ctx),
    loanStatusConsumer(ctx),
    certificateIssuedConsumer(ctx),
    invitationRequestedConsumer(ctx),
    ...referralTargetConsumers(ctx),
  ] as EventHandler[];

/**
 * Topics, the outbox relays of the aggregate stores (returnees, referrals, invitations) and the consumer group.
 * Stop order matters on shutdown: consumers first (no new changes), then the relays (publish what is left).
 */
export async function startMessaging(cases: Cases, options: MessagingOptions): Promise<Messaging> {
  const messaging = createServiceMessaging({
    ...options,
    service: 'cases',
    handlers: consumers(cases.ctx),
    outboxStores: [cases.stores.returnees, cases.stores.referrals, cases.stores.invitations],
  });
  await messaging.start();
  return messaging;
}
