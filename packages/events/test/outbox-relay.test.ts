import { randomUUID } from 'node:crypto';
import mongoose, { type Connection } from 'mongoose';
import { waitFor } from '@hoanhap/testing';
import { defineEvent } from '@hoanhap/contracts';
import {
  createAggregateStore,
  createKafka,
  createOutboxRelay,
  createPublisher,
  ensureTopics,
  newEvent,
  type OutboxRelay,
  type Publisher,
} from '../src';
import { messagesIn, startCollector, type Collector } from './support/collector';
import { counterIncremented, type CounterIncremented, type CounterState } from './support/test-events';
import { openTestInfra, type TestInfra } from './support/test-infra';

let infra: TestInfra;
let collector: Collector<CounterIncremented>;
const opened: { relay?: OutboxRelay; publisher?: Publisher; connection?: Connection }[] = [];

function instance(
  collection: string,
  relayOptions: { pollIntervalMs: number; kafka?: TestInfra['kafka']; staleMarkerMs?: number },
  connection = infra.connection,
) {
  const { staleMarkerMs } = relayOptions;
  const store = createAggregateStore<CounterState>({
    connection,
    collection,
    redis: infra.redis,
    redisPrefix: infra.ns.redisPrefix,
    staleMarkerMs,
  });
  const publisher = createPublisher({ kafka: relayOptions.kafka ?? infra.kafka, topicPrefix: infra.ns.topicPrefix });
  const relay = createOutboxRelay({
    store,
    publisher,
    pollIntervalMs: relayOptions.pollIntervalMs,
    pollGraceMs: 0, // poll up fresh markers too: the relays contend for every event
    retryMs: 50,
    maxRetryMs: 200,
    logger: infra.logger,
  });
  opened.push({ relay, publisher });
  relay.start();
  return { store, relay };
}

const increment = (id: string, n: number) => (current: CounterState | undefined) => ({
  next: { changes: [...(current?.changes ?? []), n] },
  events: [newEvent(counterIncremented, { counterId: id, n })],
});

beforeAll(async () => {
  infra = await openTestInfra([counterIncremented]);
  collector = await startCollector(infra, counterIncremented, 'relay');
});
afterAll(async () => {
  await collector.runner.stop();
  for (const { relay, publisher, connection } of opened.reverse()) {
    await relay?.stop();
    await publisher?.disconnect();
    await connection?.close();
  }
  await infra.close();
});

describe('outbox relay', () => {
  it('when a change is committed, then the relay publishes it at once instead of at its next poll', async () => {
    const { store, relay } = instance('woken', { pollIntervalMs: 60_000 });
    await waitFor('the first poll', () => relay.stats.rounds >= 0 && relay.stats.failedRounds === 0);
    const id = randomUUID();
    const started = Date.now();
    await store.change(id, increment(id, 1), { correlationId: 'req-wake' });
    await waitFor('the event', () => collector.received.some((e) => e.key === id), 5_000, 5);
    // the next poll is 60 s away: only the commit signal can explain a delivery within seconds
    expect(Date.now() - started).toBeLessThan(5_000);
  });

  it('when two relays run on the same outbox, polling hard, then each event is published exactly once', async () => {
    const second = await mongoose.createConnection(infra.ns.mongoUri).asPromise();
    opened.push({ connection: second });
    const a = instance('shared', { pollIntervalMs: 10 });
    const b = instance('shared', { pollIntervalMs: 10 }, second);
    const ids: string[] = Array.from({ length: 40 }, () => randomUUID());
    await Promise.all(
      ids.map(async (id, i) => {
        for (let n = 0; n < 5; n++) await (n % 2 ? a : b).store.change(id, increment(id, n), { correlationId: `req-${i}-${n}` });
      }),
    );
    const mine = () => collector.received.filter((e) => ids.includes(e.key));
    await waitFor('200 events', () => mine().length >= 200);
    await waitFor('200 sends', () => a.relay.stats.published + b.relay.stats.published >= 200);
    await new Promise((resolve) => setTimeout(resolve, 500)); // a stray second send would show by now
    expect(a.relay.stats.published + b.relay.stats.published).toBe(200);
    expect(new Set(mine().map((e) => e.eventId)).size).toBe(200);
    expect(mine()).toHaveLength(200);
    for (const id of ids)
      expect(
        mine()
          .filter((e) => e.key === id)
          .map((e) => e.payload.n),
      ).toEqual([0, 1, 2, 3, 4]);
    // and the markers are gone once sent
    await waitFor('no markers left', async () => (await infra.connection.collection('shared_outbox').countDocuments()) === 0);
  });

  it('when a writer died between its marker and its document write, then the relay drops the stale marker and publishes nothing', async () => {
    const { relay } = instance('crashed', { pollIntervalMs: 50, staleMarkerMs: 1_000 });
    const markers = infra.connection.collection<{ _id: string; aggregateId: string; at: Date }>('crashed_outbox');
    await markers.insertOne({ _id: randomUUID(), aggregateId: 'never-written', at: new Date(Date.now() - 5_000) });
    await waitFor('the stale marker dropped', async () => (await markers.countDocuments()) === 0);
    expect(relay.stats.published).toBe(0);
  });

  it('when the topic does not exist yet, then the relay keeps the event, retries with backoff, and publishes it once the topic exists', async () => {
    const late = defineEvent<CounterIncremented>({
      ...counterIncremented,
      service: 'testing',
      entity: 'counter',
      event: 'late',
      version: 1,
    });
    const impatient = createKafka({ brokers: infra.ns.kafkaBrokers, clientId: 'impatient', logger: infra.logger, retries: 1 });
    const { store, relay } = instance('late', { pollIntervalMs: 100, kafka: impatient });
    const id = randomUUID();
    await store.change(id, () => ({ next: { changes: [1] }, events: [newEvent(late, { counterId: id, n: 1 })] }), {
      correlationId: 'req-late',
    });
    await waitFor('failed rounds', () => relay.stats.failedRounds >= 2);
    expect(relay.stats.published).toBe(0);
    await ensureTopics(infra.kafka, [late], { numPartitions: 1, replicationFactor: 1, topicPrefix: infra.ns.topicPrefix });
    await waitFor('the late event published', () => relay.stats.published === 1, 20_000);
    expect(await messagesIn(infra, late.topic)).toBe(1);
  });
});
