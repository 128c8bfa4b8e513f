import { waitFor } from '@hoanhap/testing';
import { buildEnvelope, createPublisher, newEvent, onEvent, replay } from '../src';
import { counterIncremented } from './support/test-events';
import { openTestInfra, type TestInfra } from './support/test-infra';

let infra: TestInfra;
const EVENTS = 3_000;

beforeAll(async () => {
  infra = await openTestInfra([counterIncremented]);
  const publisher = createPublisher({ kafka: infra.kafka, topicPrefix: infra.ns.topicPrefix });
  const envelopes = Array.from({ length: EVENTS }, (_, n) =>
    buildEnvelope(newEvent(counterIncremented, { counterId: `counter-${n % 30}`, n }), `counter-${n % 30}`, { correlationId: 'seed' }),
  );
  for (let i = 0; i < EVENTS; i += 500) await publisher.sendEnvelopes(envelopes.slice(i, i + 500));
  await publisher.disconnect();
});
afterAll(async () => {
  await infra.close();
});

describe('replay', () => {
  it('when a read model is rebuilt, then a fresh group reads every event from the beginning, stops at the end, and reports events/s', async () => {
    const perCounter = new Map<string, number[]>();
    const handlers = [
      onEvent(counterIncremented, async ({ payload }) => {
        perCounter.set(payload.counterId, [...(perCounter.get(payload.counterId) ?? []), payload.n]);
      }),
    ];
    const first = await replay({
      kafka: infra.kafka,
      topicPrefix: infra.ns.topicPrefix,
      groupBase: `${infra.ns.topicPrefix}view`,
      handlers,
      logger: infra.logger,
    });
    expect(first.events).toBe(EVENTS);
    expect(first.eventsPerSecond).toBeGreaterThan(0);
    expect([...perCounter.values()].flat()).toHaveLength(EVENTS);
    for (const ns of perCounter.values()) expect(ns).toEqual([...ns].sort((a, b) => a - b)); // key order kept

    perCounter.clear();
    const second = await replay({
      kafka: infra.kafka,
      topicPrefix: infra.ns.topicPrefix,
      groupBase: `${infra.ns.topicPrefix}view`,
      handlers,
      logger: infra.logger,
    });
    expect(second.groupId).not.toBe(first.groupId);
    await waitFor('the second rebuild', () => [...perCounter.values()].flat().length === EVENTS);
    process.stdout.write(`replay: ${first.events} events at ${first.eventsPerSecond}/s, then ${second.eventsPerSecond}/s\n`);
  });
});
