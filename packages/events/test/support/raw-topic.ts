import type { KafkaMessage } from 'kafkajs';
import type { TestInfra } from './test-infra';

/** Reads every message of a topic from the beginning with a throwaway group (no handlers, no checks). */
export async function readTopic(infra: TestInfra, topic: string, expected: number): Promise<KafkaMessage[]> {
  const messages: KafkaMessage[] = [];
  const consumer = infra.kafka.consumer({ groupId: `${infra.ns.topicPrefix}reader.${Date.now()}`, maxWaitTimeInMs: 200 });
  await consumer.connect();
  await consumer.subscribe({ topic: `${infra.ns.topicPrefix}${topic}`, fromBeginning: true });
  await consumer.run({ eachMessage: async ({ message }) => void messages.push(message) });
  const deadline = Date.now() + 15_000;
  while (messages.length < expected && Date.now() < deadline) await new Promise((resolve) => setTimeout(resolve, 50));
  await consumer.disconnect();
  return messages;
}

/** The committed offset of a group on partition 0 of a topic. */
export async function committedOffset(infra: TestInfra, groupId: string, topic: string): Promise<string | undefined> {
  const admin = infra.kafka.admin();
  await admin.connect();
  try {
    const [offsets] = await admin.fetchOffsets({ groupId, topics: [`${infra.ns.topicPrefix}${topic}`] });
    return offsets?.partitions.find((p) => p.partition === 0)?.offset;
  } finally {
    await admin.disconnect();
  }
}
