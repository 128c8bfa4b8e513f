import mongoose, { type Connection } from 'mongoose';
import pino from 'pino';
import { createClient } from 'redis';
import { testNamespace, type TestNamespace } from '@hoanhap/testing';
import { createKafka, deleteTopicsByPrefix, ensureTopics, type KafkaClient } from '../../src';
import type { EventDefinition } from '@hoanhap/contracts';

export type RedisClient = ReturnType<typeof createClient>;

/** The real servers for one test file, each isolated by the file's namespace. */
export interface TestInfra {
  ns: TestNamespace;
  kafka: KafkaClient;
  connection: Connection;
  redis: RedisClient;
  logger: pino.Logger;
  close(): Promise<void>;
}

export async function openTestInfra(topics: EventDefinition[], numPartitions = 3): Promise<TestInfra> {
  const ns = testNamespace();
  const logger = pino({ level: process.env.TEST_LOG_LEVEL ?? 'silent' });
  const kafka = createKafka({ brokers: ns.kafkaBrokers, clientId: 'events-test', logger });
  const connection = await mongoose.createConnection(ns.mongoUri).asPromise();
  const redis = createClient({ url: ns.redisUrl });
  await redis.connect();
  await ensureTopics(kafka, topics, { numPartitions, replicationFactor: 1, topicPrefix: ns.topicPrefix });
  return {
    ns,
    kafka,
    connection,
    redis,
    logger,
    async close() {
      await deleteTopicsByPrefix(kafka, ns.topicPrefix).catch(() => undefined);
      await connection.dropDatabase().catch(() => undefined);
      await connection.close();
      const keys = await redis.keys(`${ns.redisPrefix}*`);
      if (keys.length > 0) await redis.del(keys);
      await redis.quit();
    },
  };
}
