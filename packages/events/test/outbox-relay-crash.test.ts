import { spawn, type ChildProcess } from 'node:child_process';
import { join } from 'node:path';
import type { EventEnvelope } from '@hoanhap/contracts';
import { waitFor } from '@hoanhap/testing';
import {
  createAggregateStore,
  createConsumerRunner,
  createPublisher,
  newEvent,
  onEvent,
  type AggregateStore,
  type ConsumerRunner,
} from '../src';
import { messagesIn } from './support/collector';
import { counterIncremented, type CounterIncremented, type CounterState } from './support/test-events';
import { openTestInfra, type TestInfra } from './support/test-infra';

const AGGREGATES = 250;
const EVENTS_EACH = 4; // 1,000 events
const ROOT = join(__dirname, '..', '..', '..');

interface View {
  seen: number[];
}

let infra: TestInfra;
let store: AggregateStore<CounterState>;
let views: AggregateStore<View>;
let consumer: ConsumerRunner | undefined;
const deliveries: EventEnvelope<CounterIncremented>[] = [];
const children: ChildProcess[] = [];

/**
 * Starts a relay in its own node process. `--import tsx` rather than tsx's CLI:
 * the CLI runs the script in a grandchild, which a SIGKILL of the CLI would orphan.
 */
function startRelay(batchSize: number): { child: ChildProcess; published: () => number } {
  const child = spawn(process.execPath, ['--import', 'tsx', join(__dirname, 'support/relay.worker.ts')], {
    cwd: ROOT,
    stdio: ['ignore', 'pipe', 'inherit'],
    env: {
      ...process.env,
      WORKER_MONGO_URI: infra.ns.mongoUri,
      WORKER_REDIS_URL: infra.ns.redisUrl,
      WORKER_REDIS_PREFIX: infra.ns.redisPrefix,
      WORKER_KAFKA_BROKERS: infra.ns.kafkaBrokers.join(','),
      WORKER_TOPIC_PREFIX: infra.ns.topicPrefix,
      WORKER_COLLECTION: 'counters',
      WORKER_BATCH_SIZE: String(batchSize),
    },
  });
  children.push(child);
  let published = 0;
  child.stdout!.on('data', (chunk: Buffer) => {
    const last = chunk.toString().trim().split('\n').pop()!;
    published = Number(last.split(' ')[1]);
  });
  return { child, published: () => published };
}

const exited = (child: ChildProcess) =>
  new Promise((resolve) => (child.exitCode !== null || child.signalCode !== null ? resolve(null) : child.once('exit', resolve)));

beforeAll(async () => {
  infra = await openTestInfra([counterIncremented]);
  const common = { connection: infra.connection, redis: infra.redis, redisPrefix: infra.ns.redisPrefix };
  store = createAggregateStore<CounterState>({ ...common, collection: 'counters' });
  views = createAggregateStore<View>({ ...common, collection: 'counter_views' });
  // the read model records each applied eventId in the same document write as the effect
  consumer = createConsumerRunner({
    kafka: infra.kafka,
    groupId: `${infra.ns.topicPrefix}views`,
    topicPrefix: infra.ns.topicPrefix,
    partitionsConsumedConcurrently: 3,
    logger: infra.logger,
    handlers: [
      onEvent(counterIncremented, async (envelope) => {
        deliveries.push(envelope);
        await views.change(envelope.key, (view) => ({ next: { seen: [...(view?.seen ?? []), envelope.payload.n] } }), {
          applyOnce: envelope.eventId,
        });
      }),
    ],
  });
  await consumer.start();
});
afterAll(async () => {
  for (const child of children) if (child.exitCode === null && child.signalCode === null) child.kill('SIGKILL');
  await consumer?.stop(); // undefined when beforeAll failed
  await infra.close();
});

describe('outbox relay killed mid-publish', () => {
  it('when the relay is SIGKILLed in the middle of 1,000 events and restarted, then every event is consumed and applied exactly once, even with duplicates delivered on purpose', async () => {
    // the relay process starts while the use cases write (its start-up takes a moment)
    const first = startRelay(5);
    const ids = Array.from({ length: AGGREGATES }, (_, i) => `counter-${i}`);
    // 20 writers at a time, as a service's request concurrency would be
    let next = 0;
    await Promise.all(
      Array.from({ length: 20 }, async () => {
        for (let id = ids[next++]; id !== undefined; id = ids[next++]) {
          const events = Array.from({ length: EVENTS_EACH }, (_, n) => newEvent(counterIncremented, { counterId: id!, n }));
          await store.create(id, () => ({ next: { changes: [0, 1, 2, 3] }, events }), { correlationId: `req-${id}` });
        }
      }),
    );

    await waitFor('the first relay under way', () => first.published() >= 200, 30_000, 2);
    first.child.kill('SIGKILL');
    await exited(first.child);
    const publishedBeforeKill = await messagesIn(infra, counterIncremented.topic);
    expect(publishedBeforeKill).toBeLessThan(AGGREGATES * EVENTS_EACH); // killed mid-way

    const second = startRelay(50);
    const distinct = () => new Set(deliveries.map((e) => e.eventId)).size;
    await waitFor('all 1,000 events consumed', () => distinct() === AGGREGATES * EVENTS_EACH, 60_000);
    second.child.kill('SIGTERM');
    await exited(second.child);
    expect(await infra.connection.collection('counters_outbox').countDocuments()).toBe(0);

    // duplicates on purpose: send again the envelopes of the first 25 aggregates
    const again = (await store.collection.find({ _id: { $in: ids.slice(0, 25) } }).toArray()).flatMap((doc) => doc._outbox);
    expect(again).toHaveLength(100);
    const before = deliveries.length;
    const publisher = createPublisher({ kafka: infra.kafka, topicPrefix: infra.ns.topicPrefix });
    await publisher.sendEnvelopes(again);
    await publisher.disconnect();
    await waitFor('the duplicates delivered', () => deliveries.length >= before + 100, 30_000);

    const applied = await views.collection.find({}).toArray();
    expect(applied).toHaveLength(AGGREGATES);
    for (const view of applied) expect(view.seen).toEqual([0, 1, 2, 3]); // once each, in order
    expect(deliveries.length).toBeGreaterThanOrEqual(AGGREGATES * EVENTS_EACH + 100);
  });
});
