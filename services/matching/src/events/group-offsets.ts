import type { KafkaClient } from '@hoanhap/events';

/**
 * Seeds a NEW consumer group with the offsets a snapshot includes, so that consumption resumes exactly
 * where the snapshot ends — not at offsets an earlier process committed after events it then lost in a
 * crash, and not at 0. Goes through the client object packages/events hands out; it belongs in
 * packages/events (a `startAt` option of the consumer runner) and moves there once the runner offers it.
 */
export async function seedGroupOffsets(kafka: KafkaClient, groupId: string, offsets: ReadonlyMap<string, string>): Promise<number> {
  const byTopic = new Map<string, { partition: number; offset: string }[]>();
  for (const [key, offset] of offsets) {
    const at = key.lastIndexOf(':');
    const topic = key.slice(0, at);
    byTopic.set(topic, [...(byTopic.get(topic) ?? []), { partition: Number(key.slice(at + 1)), offset }]);
  }
  const admin = kafka.admin();
  await admin.connect();
  try {
    const existing = new Set(await admin.listTopics());
    for (const [topic, partitions] of byTopic) {
      if (existing.has(topic)) await admin.setOffsets({ groupId, topic, partitions });
    }
  } finally {
    await admin.disconnect();
  }
  return byTopic.size;
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
