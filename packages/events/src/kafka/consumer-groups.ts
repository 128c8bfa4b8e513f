import type { KafkaClient } from './kafka-client';

/** Where a consumer group starts, per partition: `<topic>:<partition>` → the offset of the first message to read. */
export type StartOffsets = ReadonlyMap<string, string>;

/**
 * Seeds a NEW consumer group with `offsets` (topics that no longer exist are skipped), so that its first
 * consumer starts exactly there: e.g. where a snapshot of a read model ends, rather than at offsets an
 * earlier process committed after effects it then lost in a crash, or at 0. Resolves with the number of
 * topics seeded. What kafkajs' admin.setOffsets does, for every topic at once and with a short fetch wait:
 * join the group, fetch nothing (paused), seek, leave; leaving commits the sought offsets.
 */
export async function seedConsumerGroup(kafka: KafkaClient, groupId: string, offsets: StartOffsets): Promise<number> {
  const admin = kafka.admin();
  await admin.connect();
  const existing = new Set(await admin.listTopics().finally(() => admin.disconnect()));
  const seeks = [...offsets]
    .map(([key, offset]) => ({ topic: key.slice(0, key.lastIndexOf(':')), partition: Number(key.slice(key.lastIndexOf(':') + 1)), offset }))
    .filter((s) => existing.has(s.topic));
  if (seeks.length === 0) return 0;
  const topics = [...new Set(seeks.map((s) => s.topic))];
  const consumer = kafka.consumer({ groupId, maxWaitTimeInMs: 50 });
  await consumer.connect();
  try {
    await consumer.subscribe({ topics, fromBeginning: true });
    await new Promise<void>((resolve, reject) => {
      consumer.on(consumer.events.FETCH, () => resolve());
      consumer.run({ eachBatchAutoResolve: false, eachBatch: async () => undefined }).catch(reject);
      consumer.pause(topics.map((topic) => ({ topic })));
      for (const seek of seeks) consumer.seek(seek);
    });
  } finally {
    await consumer.disconnect();
  }
  return topics.length;
}

/**
 * Deletes the consumer groups whose id starts with `prefix`, except `keep`; resolves with the ids it asked
 * to delete. A group that still has members is refused by Kafka and stays (not an error here).
 */
export async function deleteGroupsByPrefix(kafka: KafkaClient, prefix: string, keep?: string): Promise<string[]> {
  if (!prefix) throw new Error('refusing to delete consumer groups without a prefix');
  const admin = kafka.admin();
  await admin.connect();
  try {
    const { groups } = await admin.listGroups();
    const doomed = groups.map((g) => g.groupId).filter((id) => id.startsWith(prefix) && id !== keep);
    if (doomed.length > 0) await admin.deleteGroups(doomed).catch(() => undefined);
    return doomed;
  } finally {
    await admin.disconnect();
  }
}
