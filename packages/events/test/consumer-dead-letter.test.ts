import { randomUUID } from 'node:crypto';
import { deadLetterTopic, defineEvent, type EventEnvelope } from '@hoanhap/contracts';
import { waitFor } from '@hoanhap/testing';
import {
  buildEnvelope,
  createConsumerRunner,
  createKafka,
  createPublisher,
  DLQ_HEADERS,
  ensureTopics,
  newEvent,
  onEvent,
  processedEventsCollection,
  toMessage,
  type ConsumerRunner,
  type Publisher,
} from '../src';
import { counterIncremented, type CounterIncremented } from './support/test-events';
import { committedOffset, readTopic } from './support/raw-topic';
import { openTestInfra, type TestInfra } from './support/test-infra';

let infra: TestInfra;
let publisher: Publisher;
const runners: ConsumerRunner[] = [];
const topic = counterIncremented.topic;

beforeAll(async () => {
  infra = await openTestInfra([counterIncremented], 1);
  publisher = createPublisher({ kafka: infra.kafka, topicPrefix: infra.ns.topicPrefix });
});
afterAll(async () => {
  for (const runner of runners) await runner.stop().catch(() => undefined);
  await publisher.disconnect();
  await infra.close();
});

const envelope = (n: number, key = 'counter-d') =>
  buildEnvelope(newEvent(counterIncremented, { counterId: key, n }), key, { correlationId: `req-${n}` });
const header = (value: Buffer | string | (Buffer | string)[] | undefined) => String(value);

function runner(
  group: string,
  handle: (e: EventEnvelope<CounterIncremented>) => Promise<void>,
  extra: Partial<Parameters<typeof createConsumerRunner>[0]> = {},
) {
  const created = createConsumerRunner({
    kafka: infra.kafka,
    groupId: `${infra.ns.topicPrefix}${group}`,
    topicPrefix: infra.ns.topicPrefix,
    handlers: [onEvent(counterIncremented, handle)],
    maxAttempts: 3,
    retryMs: 10,
    logger: infra.logger,
    ...extra,
  });
  runners.push(created);
  return created;
}

describe('consumer runner: bounded retries, dead letters, dedupe, shutdown', () => {
  it('when a message is malformed or its handler always fails, then it lands in <topic>.dlq with error headers and later messages keep flowing', async () => {
    const fullTopic = `${infra.ns.topicPrefix}${topic}`;
    const badPayload = { ...envelope(0), payload: { counterId: 'counter-d', n: -1 } };
    await publisher.sendRaw(fullTopic, [{ key: 'counter-d', value: 'not json {' }, toMessage(badPayload)]);
    await publisher.sendEnvelopes([envelope(13), envelope(14), envelope(1), envelope(2), envelope(3)]);

    const attempts = new Map<number, number>();
    const handled: number[] = [];
    const consumer = runner('dlq', async ({ payload: { n } }) => {
      attempts.set(n, (attempts.get(n) ?? 0) + 1);
      if (n === 13) throw new Error('boom: the handler always fails');
      if (n === 14) throw Object.assign(new Error('bad input'), { code: 'TEST.REFUSED', httpStatus: 422 });
      handled.push(n);
    });
    await consumer.start();
    await waitFor('the later messages', () => handled.length === 3);
    expect(handled).toEqual([1, 2, 3]);
    expect(attempts.get(13)).toBe(3); // maxAttempts, then dead-lettered
    expect(attempts.get(14)).toBe(1); // a 4xx is not worth a retry
    expect(consumer.stats).toMatchObject({ handled: 3, deadLettered: 4, retries: 2 });

    const letters = await readTopic(infra, deadLetterTopic(topic), 4);
    expect(letters.map((m) => header(m.headers?.[DLQ_HEADERS.offset]))).toEqual(['0', '1', '2', '3']);
    for (const m of letters) {
      expect(header(m.headers?.[DLQ_HEADERS.topic])).toBe(fullTopic);
      expect(header(m.headers?.[DLQ_HEADERS.partition])).toBe('0');
      expect(header(m.headers?.[DLQ_HEADERS.group])).toBe(`${infra.ns.topicPrefix}dlq`);
    }
    expect(letters.map((m) => header(m.headers?.[DLQ_HEADERS.code]))).toEqual([
      'EVENTS.MALFORMED_MESSAGE',
      'EVENTS.INVALID_PAYLOAD',
      'INTERNAL',
      'TEST.REFUSED',
    ]);
    expect(letters.map((m) => header(m.headers?.[DLQ_HEADERS.attempts]))).toEqual(['0', '0', '3', '1']);
    expect(header(letters[2]!.headers?.[DLQ_HEADERS.error])).toContain('boom');
    expect(letters[0]!.value?.toString()).toBe('not json {'); // the original bytes, untouched

    await consumer.stop();
    expect(await committedOffset(infra, `${infra.ns.topicPrefix}dlq`, topic)).toBe('7'); // past every message
  });

  it('when the same event is delivered twice, then the processed-events record lets the handler run once', async () => {
    const deduped = defineEvent<CounterIncremented>({
      ...counterIncremented,
      service: 'testing',
      entity: 'counter',
      event: 'deduped',
      version: 1,
    });
    await ensureTopics(infra.kafka, [deduped], { numPartitions: 1, replicationFactor: 1, topicPrefix: infra.ns.topicPrefix });
    const once = buildEnvelope(newEvent(deduped, { counterId: 'counter-p', n: 7 }), 'counter-p', { correlationId: 'req-p' });
    const other = buildEnvelope(newEvent(deduped, { counterId: 'counter-p', n: 8 }), 'counter-p', { correlationId: 'req-p' });
    await publisher.sendEnvelopes([once, once, other, once]);
    const seen: number[] = [];
    const consumer = createConsumerRunner({
      kafka: infra.kafka,
      groupId: `${infra.ns.topicPrefix}dedupe`,
      topicPrefix: infra.ns.topicPrefix,
      handlers: [onEvent(deduped, async ({ payload }) => void seen.push(payload.n))],
      processedEvents: processedEventsCollection(infra.connection),
      logger: infra.logger,
    });
    runners.push(consumer);
    await consumer.start();
    await waitFor('four deliveries', () => consumer.stats.handled + consumer.stats.duplicates === 4);
    expect(seen).toEqual([7, 8]);
    expect(consumer.stats).toMatchObject({ handled: 2, duplicates: 2 });
  });

  it('when stop() is called while a handler runs, then the handler finishes and its offset is committed before the consumer leaves', async () => {
    const slow = defineEvent<CounterIncremented>({
      ...counterIncremented,
      service: 'testing',
      entity: 'counter',
      event: 'slowed',
      version: 1,
    });
    await ensureTopics(infra.kafka, [slow], { numPartitions: 1, replicationFactor: 1, topicPrefix: infra.ns.topicPrefix });
    await publisher.sendEnvelopes([
      buildEnvelope(newEvent(slow, { counterId: 'counter-s', n: 1 }), 'counter-s', { correlationId: 'req-s' }),
    ]);
    let state = 'waiting';
    const consumer = createConsumerRunner({
      kafka: infra.kafka,
      groupId: `${infra.ns.topicPrefix}graceful`,
      topicPrefix: infra.ns.topicPrefix,
      handlers: [
        onEvent(slow, async () => {
          state = 'running';
          await new Promise((resolve) => setTimeout(resolve, 400));
          state = 'finished';
        }),
      ],
      logger: infra.logger,
    });
    await consumer.start();
    await waitFor('the handler started', () => state === 'running', 15_000, 5);
    await consumer.stop();
    expect(state).toBe('finished');
    expect(await committedOffset(infra, `${infra.ns.topicPrefix}graceful`, slow.topic)).toBe('1');
  });

  it('when the dead-letter topic is missing, then the consumer crashes, restarts from its last commit, and dead-letters once the topic exists', async () => {
    const crashy = defineEvent<CounterIncremented>({
      ...counterIncremented,
      service: 'testing',
      entity: 'counter',
      event: 'crashed',
      version: 1,
    });
    await ensureTopics(infra.kafka, [crashy], {
      numPartitions: 1,
      replicationFactor: 1,
      topicPrefix: infra.ns.topicPrefix,
      deadLetters: false,
    });
    await publisher.sendRaw(`${infra.ns.topicPrefix}${crashy.topic}`, [{ key: 'k', value: 'not json either' }]);
    const handled: number[] = [];
    const impatient = createKafka({
      brokers: infra.ns.kafkaBrokers,
      clientId: `impatient-${randomUUID()}`,
      logger: infra.logger,
      retries: 1,
    });
    const consumer = createConsumerRunner({
      kafka: impatient,
      groupId: `${infra.ns.topicPrefix}crashy`,
      topicPrefix: infra.ns.topicPrefix,
      handlers: [onEvent(crashy, async ({ payload }) => void handled.push(payload.n))],
      logger: infra.logger,
    });
    runners.push(consumer);
    await consumer.start();
    await waitFor('a crash and a restart', () => consumer.stats.crashes >= 1 && consumer.stats.restarts >= 1, 30_000);
    expect(consumer.stats.deadLettered).toBe(0);

    await ensureTopics(infra.kafka, [crashy], { numPartitions: 1, replicationFactor: 1, topicPrefix: infra.ns.topicPrefix });
    await waitFor('the dead letter', () => consumer.stats.deadLettered === 1, 30_000);
    await publisher.sendEnvelopes([buildEnvelope(newEvent(crashy, { counterId: 'k', n: 5 }), 'k', { correlationId: 'req-c' })]);
    await waitFor('the next message', () => handled.length === 1);
    expect(handled).toEqual([5]);
    expect(await readTopic(infra, deadLetterTopic(crashy.topic), 1)).toHaveLength(1);
  });
});
