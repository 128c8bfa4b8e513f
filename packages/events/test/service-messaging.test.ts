import { waitFor } from '@hoanhap/testing';
import { createAggregateStore, createServiceMessaging, newEvent, onEvent, type ServiceMessaging } from '../src';
import { messagesIn } from './support/collector';
import { counterIncremented, type CounterState } from './support/test-events';
import { openTestInfra, type TestInfra } from './support/test-infra';

// A service that publishes counter events through its store's outbox and consumes the same topic itself.
let infra: TestInfra;
let messaging: ServiceMessaging | undefined;

beforeAll(async () => {
  // the topics are NOT created here: the service's start ensures them
  infra = await openTestInfra([]);
});
afterAll(async () => {
  await messaging?.stop().catch(() => undefined);
  await infra.close();
});

const increment = (n: number) => (current: CounterState | undefined) => ({
  next: { changes: [...(current?.changes ?? []), n] },
  events: [newEvent(counterIncremented, { counterId: 'c', n })],
});

describe('createServiceMessaging', () => {
  it('when started, then a change of an outbox store is published and consumed; on stop, what is written after the consumer stopped is still published', async () => {
    const store = createAggregateStore<CounterState>({
      connection: infra.connection,
      collection: 'counters',
      redis: infra.redis,
      redisPrefix: infra.ns.redisPrefix,
    });
    const consumed: number[] = [];
    const order: string[] = [];
    messaging = createServiceMessaging({
      kafka: infra.kafka,
      connection: infra.connection,
      service: 'testing',
      groupId: `${infra.ns.topicPrefix}service`,
      topicPrefix: infra.ns.topicPrefix,
      numPartitions: 1,
      produced: [counterIncremented],
      handlers: [onEvent(counterIncremented, async ({ payload }) => void consumed.push(payload.n))],
      outboxStores: [store],
      logger: infra.logger,
      beforeRelaysStop: async () => {
        order.push('beforeRelaysStop');
        // a queued write finishing during shutdown: the consumer is stopped, the relay still publishes it
        await store.change('c', increment(2), { correlationId: 'shutdown' });
      },
    });
    await messaging.start();
    await store.change('c', increment(1), { correlationId: 'running' });
    await waitFor('the event reaches the consumer', () => consumed.includes(1));

    await messaging.stop();
    messaging = undefined;
    expect(order).toEqual(['beforeRelaysStop']);
    expect(await messagesIn(infra, counterIncremented.topic)).toBe(2);
    expect(consumed).toEqual([1]);
  });
});
