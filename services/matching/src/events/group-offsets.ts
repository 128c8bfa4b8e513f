import type { KafkaClient } from '@hoanhap/events';

/**
 * Seeds a NEW consumer group with the offsets a snapshot includes, so that consumption resumes exactly
 * where the snapshot ends — not at offsets an earlier process committed after events it then lost in a
 * crash, and not at 0. Goes through the client object packages/events hands out; it belongs in
 * packages/events (a `startAt` option of the consumer runner) and moves there once the runner offers it.
 */
export async function seedGroupOffsets(kafka: KafkaClient, groupId: string, offsets: ReadonlyMap<string, string>): Promise<number> {
  const admin = kafka.admin();
  await admin.connect();
  const existing = new Set(await admin.listTopics().finally(() => admin.disconnect()));
  const seeks = [...offsets]
    .map(([key, offset]) => ({ topic: key.slice(0, key.lastIndexOf(':')), partition: Number(key.slice(key.lastIndexOf(':') + 1)), offset }))
    .filter((s) => existing.has(s.topic));
  if (seeks.length === 0) return 0;
  const topics = [...new Set(seeks.map((s) => s.topic))];
  // What admin.setOffsets does, for every topic at once and with a short fetch wait: join the new group,
  // fetch nothing (paused), seek, and leave; leaving commits the sought offsets.
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

/** Deletes this instance's consumer groups of earlier boots (best effort: a group still in use stays). */
export async function deleteEarlierGroups(kafka: KafkaClient, prefix: string, current: string): Promise<void> {
  const admin = kafka.admin();
  await admin.connect();
  try {
    const { groups } = await admin.listGroups();
    const stale = groups.map((g) => g.groupId).filter((id) => id.startsWith(prefix) && id !== current);
    if (stale.length > 0) await admin.deleteGroups(stale).catch(() => undefined);
  } finally {
    await admin.disconnect();
  }
}
