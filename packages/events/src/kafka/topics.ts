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

/** How long ensureTopics waits for every partition of its topics to have a leader. */
const LEADERS_TIMEOUT_MS = 30_000;

/** Metadata errors a topic gives while its creation spreads through the cluster. */
const SETTLING = new Set(['UNKNOWN_TOPIC_OR_PARTITION', 'LEADER_NOT_AVAILABLE']);

/**
 * Creates the topics that do not exist yet, with explicit partitions and
 * replication (the broker refuses auto-creation, and kafkajs' default of -1
 * needs a newer CreateTopics version), then waits until every partition of every
 * topic asked for has a leader. Safe to call from every instance at boot.
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
        // kafkajs' own wait retries only LEADER_NOT_AVAILABLE, and a KRaft broker may first answer
        // UNKNOWN_TOPIC_OR_PARTITION for a topic it has just created (kafkajs#815): waitForLeaders does that
        waitForLeaders: false,
        topics: missing.map((topic) => ({ topic, numPartitions: options.numPartitions, replicationFactor: options.replicationFactor })),
      });
    }
    // also when nothing was missing: another instance may have created them a moment ago
    await waitForLeaders(admin, all, LEADERS_TIMEOUT_MS);
    return all;
  } finally {
    await admin.disconnect();
  }
}

type Admin = ReturnType<KafkaClient['admin']>;

/** Polls the topics' metadata until each partition has a leader; throws the last error after `timeoutMs`. */
export async function waitForLeaders(admin: Admin, topics: readonly string[], timeoutMs: number): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  for (let pause = 50; ; pause = Math.min(pause * 2, 1_000)) {
    let lastError: unknown;
    try {
      const { topics: found } = await admin.fetchTopicMetadata({ topics: [...topics] });
      const leaderless = found.flatMap((t) => t.partitions.filter((p) => p.leader < 0).map((p) => `${t.name}/${p.partitionId}`));
      if (leaderless.length === 0) return;
      lastError = new Error(`no leader yet for ${leaderless.join(', ')}`);
    } catch (error) {
      if (!SETTLING.has((error as { type?: string }).type ?? '')) throw error;
      lastError = error;
    }
    if (Date.now() + pause > deadline) throw lastError;
    await new Promise((resolve) => setTimeout(resolve, pause));
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
