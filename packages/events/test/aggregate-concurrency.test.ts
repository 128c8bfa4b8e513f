import mongoose, { type Connection } from 'mongoose';
import { waitFor } from '@hoanhap/testing';
import {
  createAggregateStore,
  createOutboxRelay,
  createPublisher,
  newEvent,
  type AggregateStore,
  type OutboxRelay,
  type Publisher,
} from '../src';
import { messagesIn, startCollector, type Collector } from './support/collector';
import { counterIncremented, type CounterIncremented, type CounterState } from './support/test-events';
import { openTestInfra, type TestInfra } from './support/test-infra';

// Two "service instances": separate connections, stores (in-process queues) and relays,
// sharing the database and Redis, as two processes would.
let infra: TestInfra;
let secondConnection: Connection;
let instances: { store: AggregateStore<CounterState>; relay: OutboxRelay; publisher: Publisher }[];
let collector: Collector<CounterIncremented>;

beforeAll(async () => {
  infra = await openTestInfra([counterIncremented]);
  secondConnection = await mongoose.createConnection(infra.ns.mongoUri).asPromise();
  instances = [infra.connection, secondConnection].map((connection) => {
    const store = createAggregateStore<CounterState>({
      connection,
      collection: 'counters',
      redis: infra.redis,
      redisPrefix: infra.ns.redisPrefix,
      lockWaitMs: 30_000, // 50 writers queue on one aggregate on purpose: the last may wait a while
    });
    const publisher = createPublisher({ kafka: infra.kafka, topicPrefix: infra.ns.topicPrefix });
    // pollGraceMs 0: each relay also polls up the other's fresh events, so both contend for them
    const relay = createOutboxRelay({ store, publisher, pollIntervalMs: 200, pollGraceMs: 0, logger: infra.logger });
    relay.start();
    return { store, relay, publisher };
  });
  collector = await startCollector(infra, counterIncremented, 'counters');
});
afterAll(async () => {
  await collector.runner.stop();
  for (const { relay, publisher } of instances) {
    await relay.stop();
    await publisher.disconnect();
  }
  await secondConnection.close();
  await infra.close();
});

const increment = (id: string, n: number) => (current: CounterState | undefined) => ({
  next: { changes: [...(current?.changes ?? []), n] },
  events: [newEvent(counterIncremented, { counterId: id, n })],
});

describe('an aggregate changed concurrently (FerretDB updates are not atomic)', () => {
  it('when 50 changes to one aggregate race from two instances, then every change and every event is present exactly once, in one order', async () => {
    const id = 'counter-1';
    const ns = Array.from({ length: 50 }, (_, n) => n);
    const results = await Promise.all(ns.map((n) => instances[n % 2]!.store.change(id, increment(id, n), { correlationId: `req-${n}` })));

    const final = await instances[0]!.store.get(id);
    expect([...final!.changes].sort((a, b) => a - b)).toEqual(ns);
    // each caller got the state its own change produced: a prefix of the final order
    for (const state of results) expect(final!.changes.slice(0, state.changes.length)).toEqual(state.changes);

    await waitFor('50 events', () => collector.received.filter((e) => e.key === id).length >= 50);
    const events = collector.received.filter((e) => e.key === id);
    expect(new Set(events.map((e) => e.eventId)).size).toBe(50);
    // one key, one partition: the consumer sees the events in the order the changes were committed
    expect(events.map((e) => e.payload.n)).toEqual(final!.changes);
    expect(events.map((e) => e.correlationId).sort()).toEqual(ns.map((n) => `req-${n}`).sort());
    // and the two relays together sent no event twice
    const published = () => instances[0]!.relay.stats.published + instances[1]!.relay.stats.published;
    await waitFor('50 sends', () => published() >= 50);
    await new Promise((resolve) => setTimeout(resolve, 500)); // a stray second send would show by now
    expect(published()).toBe(50);
    expect(await messagesIn(infra, counterIncremented.topic)).toBe(50);
  });

  it('when the same 50 changes run as plain read-modify-writes without the store, then FerretDB loses some (the hazard the store prevents)', async () => {
    const raw = infra.connection.collection<{ _id: string; changes: number[] }>('unguarded');
    await raw.insertOne({ _id: 'counter-x', changes: [] });
    await Promise.all(
      Array.from({ length: 50 }, async (_, n) => {
        const doc = await raw.findOne({ _id: 'counter-x' });
        await raw.replaceOne({ _id: 'counter-x' }, { changes: [...doc!.changes, n] });
      }),
    );
    const final = await raw.findOne({ _id: 'counter-x' });
    expect(final!.changes.length).toBeLessThan(50);
  });

  it('when 10 callers create the same aggregate at once, then one succeeds, the others get EVENTS.AGGREGATE_EXISTS, and one event is published', async () => {
    const id = 'counter-created';
    const outcomes = await Promise.allSettled(
      Array.from({ length: 10 }, (_, n) =>
        instances[n % 2]!.store.create(
          id,
          () => ({ next: { changes: [n] }, events: [newEvent(counterIncremented, { counterId: id, n })] }),
          { correlationId: `req-c${n}` },
        ),
      ),
    );
    const created = outcomes.filter((o) => o.status === 'fulfilled');
    expect(created).toHaveLength(1);
    for (const o of outcomes) if (o.status === 'rejected') expect(o.reason).toMatchObject({ code: 'EVENTS.AGGREGATE_EXISTS' });
    await waitFor('the created event', () => collector.received.some((e) => e.key === id));
    await new Promise((resolve) => setTimeout(resolve, 300));
    const events = collector.received.filter((e) => e.key === id);
    expect(events).toHaveLength(1);
    expect((await instances[1]!.store.get(id))!.changes).toEqual([events[0]!.payload.n]);
  });
});
