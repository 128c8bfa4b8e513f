import { createServiceMessaging, type EventHandler, type MessagingWiring } from '@hoanhap/events';
import type { Colleges } from '../app';
import type { CollegesContext } from '../domain/colleges.context';
import { profilePublishedConsumer } from './consumers/profile-published.consumer';
import { referralCreatedConsumer } from './consumers/referral-created.consumer';
import { referralWithdrawnConsumer } from './consumers/referral-withdrawn.consumer';

/** The consumer group defaults to `<topicPrefix>colleges`. */
export type MessagingOptions = MessagingWiring;

export interface Messaging {
  stop(): Promise<void>;
}

/** Every event this service reacts to. */
export const consumers = (ctx: CollegesContext): EventHandler[] =>
  [profilePublishedConsumer(ctx), referralCreatedConsumer(ctx), referralWithdrawnConsumer(ctx)] as EventHandler[];

/**
 * Topics, the outbox relays of the three aggregate stores (cohorts, enrolments, certificates) and the
 * consumer group. On shutdown: consumers first (no new changes), queued writes, then the relays publish
 * what is left.
 */
export async function startMessaging(colleges: Colleges, options: MessagingOptions): Promise<Messaging> {
  const { cohorts, enrolments, certificates } = colleges.stores;
  const messaging = createServiceMessaging({
    ...options,
    service: 'colleges',
    handlers: consumers(colleges.ctx),
    outboxStores: [cohorts, enrolments, certificates],
    // partitions in parallel (order is kept per key); seats stay safe however many referrals race
    partitionsConsumedConcurrently: options.numPartitions ?? 3,
    beforeRelaysStop: () => colleges.drain(),
  });
  await messaging.start();
  return messaging;
}
