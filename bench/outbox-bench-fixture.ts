/** Servers, store, relay and consumer for bench/outbox-latency.ts, in one namespace deleted at the end. */
import { performance } from 'node:perf_hooks';
import mongoose from 'mongoose';
import pino from 'pino';
import { createClient } from 'redis';
import { defineEvent } from '@hoanhap/contracts';
import { testNamespace } from '@hoanhap/testing';
import {
  createAggregateStore,
  createConsumerRunner,
  createKafka,
  createOutboxRelay,
  createPublisher,
  deleteTopicsByPrefix,
  ensureTopics,
  newEvent,
  onEvent,
  replay,
} from '@hoanhap/events';

export interface Probe {
  seq: number;
  /** performance.now() when change() was called (same process, monotonic clock). */
  t0: number;
}

const probeRecorded = defineEvent<Probe>({
  service: 'bench',
  entity: 'probe',
  event: 'recorded',
  version: 1,
  payloadSchema: { type: 'object', required: ['seq', 't0'], properties: { seq: { type: 'integer' }, t0: { type: 'number' } } },
});

export async function createOutboxBench() {
  const ns = testNamespace('outbox-bench');
  const logger = pino({ level: process.env.LOG_LEVEL ?? 'warn' });
  const kafka = createKafka({ brokers: ns.kafkaBrokers, clientId: 'outbox-bench', logger });
  await ensureTopics(kafka, [probeRecorded], { numPartitions: 6, replicationFactor: 1, topicPrefix: ns.topicPrefix });
  const connection = await mongoose.createConnection(ns.mongoUri).asPromise();
  const redis = createClient({ url: ns.redisUrl });
  await redis.connect();
  const store = createAggregateStore<{ seq: number }>({ connection, collection: 'probes', redis, redisPrefix: ns.redisPrefix });
  const publisher = createPublisher({ kafka, topicPrefix: ns.topicPrefix });
  await publisher.connect();
  const relay = createOutboxRelay({ store, publisher, logger });
  const handlers = [
    onEvent(probeRecorded, async ({ payload }) => {
      state.received += 1;
      state.onProbe?.(payload, performance.now());
    }),
  ];
  const consumer = createConsumerRunner({
    kafka,
    groupId: `${ns.topicPrefix}bench`,
    topicPrefix: ns.topicPrefix,
    handlers,
    partitionsConsumedConcurrently: 6,
    logger,
  });

  const state = {
    received: 0,
    onProbe: undefined as ((probe: Probe, receivedAt: number) => void) | undefined,
    relay,
    /** One use case: a new aggregate and its one event (create: no read, O(1) on FerretDB). */
    async change(seq: number): Promise<void> {
      const t0 = performance.now();
      await store.create(`probe-${seq}`, () => ({ next: { seq }, events: [newEvent(probeRecorded, { seq, t0 })] }), {
        correlationId: `bench-${seq}`,
      });
    },
    /** `count` events written as 5-event changes with the relay stopped. */
    async backlog(count: number): Promise<void> {
      let next = 0;
      await Promise.all(
        Array.from({ length: 16 }, async () => {
          while (next < count) {
            const seq = 2_000_000 + next;
            next += 5;
            const events = Array.from({ length: 5 }, (_, i) => newEvent(probeRecorded, { seq: seq + i, t0: performance.now() }));
            await store.create(`backlog-${seq}`, () => ({ next: { seq }, events }), { correlationId: 'backlog' });
          }
        }),
      );
    },
    async consumed(count: number): Promise<void> {
      const deadline = Date.now() + 300_000;
      while (state.received < count) {
        if (Date.now() > deadline) throw new Error(`only ${state.received} of ${count} events consumed`);
        await new Promise((resolve) => setTimeout(resolve, 5));
      }
    },
    replayAll: () =>
      replay({
        kafka,
        topicPrefix: ns.topicPrefix,
        groupBase: `${ns.topicPrefix}rebuild`,
        handlers: [onEvent(probeRecorded, async () => {})],
        logger,
      }),
    async close(): Promise<void> {
      await relay.stop();
      await consumer.stop();
      await publisher.disconnect();
      await deleteTopicsByPrefix(kafka, ns.topicPrefix);
      await connection.dropDatabase();
      await connection.close();
      const keys = await redis.keys(`${ns.redisPrefix}*`);
      if (keys.length > 0) await redis.del(keys);
      await redis.quit();
    },
  };
  await consumer.start();
  relay.start();
  return state;
}
