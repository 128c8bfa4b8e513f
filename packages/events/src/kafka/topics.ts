import { deadLetterTopic, type EventDefinition } from '@hoanhap/contracts';
import type { KafkaClient } from './kafka-client';

export interface TopicOptions {
  /** Partitions per topic; keys (aggregate ids) spread over them. */
  numPartitions: number;
  /** 1 on a single broker; 3 in production. */
  replicationFactor: number;
  /** Prepended to every topic name (test isolation, shared clusters). */
  topicPrefix?: string;
  /** Also create `<topic>.dlq` for each topic (default true). */
  deadLetters?: boolean;
}

const nameOf = (topic: EventDefinition | string) => (typeof topic === 'string' ? topic : topic.topic);

/**
 * Creates the topics that do not exist yet, with explicit partitions and
 * replication (the broker refuses auto-creation, and kafkajs' default of -1
 * needs a newer CreateTopics version). Safe to call from every instance at boot.
 */
export async function ensureTopics(
  kafka: KafkaClient,
  topics: readonly (EventDefinition | string)[],
  options: TopicOptions,
): Promise<string[]> {
  const prefix = options.topicPrefix ?? '';
  const wanted = topics.map((t) => `${prefix}${nameOf(t)}`);
  const all = options.deadLetters === false ? wanted : wanted.flatMap((t) => [t, deadLetterTopic(t)]);
  const admin = kafka.admin();
  await admin.connect();
  try {
    const existing = new Set(await admin.listTopics());
    const missing = [...new Set(all)].filter((t) => !existing.has(t));
    if (missing.length > 0) {
      // createTopics ignores "already exists", so two instances booting together are fine
      await admin.createTopics({
        waitForLeaders: true,
        topics: missing.map((topic) => ({ topic, numPartitions: options.numPartitions, replicationFactor: options.replicationFactor })),
      });
    }
    return all;
  } finally {
    await admin.disconnect();
  }
}

/** Deletes every topic whose name starts with `prefix` (test clean-up); returns their names. */
export async function deleteTopicsByPrefix(kafka: KafkaClient, prefix: string): Promise<string[]> {
  if (!prefix) throw new Error('refusing to delete topics without a prefix');
  const admin = kafka.admin();
  await admin.connect();
  try {
    const doomed = (await admin.listTopics()).filter((t) => t.startsWith(prefix));
    if (doomed.length > 0) await admin.deleteTopics({ topics: doomed });
    return doomed;
  } finally {
    await admin.disconnect();
  }
}
