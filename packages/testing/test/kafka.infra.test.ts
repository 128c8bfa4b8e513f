import { Kafka, logLevel } from 'kafkajs';
import { testNamespace, waitFor } from '../src';

const ns = testNamespace();
const kafka = new Kafka({ brokers: ns.kafkaBrokers, clientId: 'infra-test', logLevel: logLevel.NOTHING });
const topic = `${ns.topicPrefix}roundtrip`;
const groupId = `${ns.topicPrefix}group`;
const admin = kafka.admin();

beforeAll(async () => {
  await admin.connect();
  // kafkajs' waitForLeaders gives up when the broker first answers "unknown topic" (kafkajs#815): wait here instead
  await admin.createTopics({ topics: [{ topic, numPartitions: 3, replicationFactor: 1 }], waitForLeaders: false });
  await waitFor('a leader for each partition', async () =>
    (await admin.fetchTopicMetadata({ topics: [topic] })).topics[0]!.partitions.every((p) => p.leader >= 0),
  );
});
afterAll(async () => {
  await admin.deleteTopics({ topics: [topic] }).catch(() => undefined);
  await admin.disconnect();
});

describe('Kafka (native KRaft broker)', () => {
  it('when messages are produced, then a consumer group receives each once, in key order, and commits its offsets', async () => {
    const producer = kafka.producer({ idempotent: true, maxInFlightRequests: 1 });
    await producer.connect();
    const sent = Array.from({ length: 30 }, (_, i) => ({ key: `k${i % 3}`, value: String(i) }));
    await producer.send({ topic, messages: sent });
    await producer.disconnect();

    const received: { key: string; value: string }[] = [];
    const consumer = kafka.consumer({ groupId });
    await consumer.connect();
    await consumer.subscribe({ topic, fromBeginning: true });
    await consumer.run({
      autoCommit: false,
      eachMessage: async ({ message, partition }) => {
        await consumer.commitOffsets([{ topic, partition, offset: (BigInt(message.offset) + 1n).toString() }]);
        received.push({ key: message.key!.toString(), value: message.value!.toString() });
      },
    });
    await waitFor('30 messages', () => received.length >= 30);
    await consumer.disconnect();

    expect(received).toHaveLength(30);
    for (const key of ['k0', 'k1', 'k2']) {
      const values = received.filter((m) => m.key === key).map((m) => Number(m.value));
      expect(values).toEqual([...values].sort((a, b) => a - b));
    }
    // the group's committed offset equals the log end on every partition that received messages
    const [committed] = await admin.fetchOffsets({ groupId, topics: [topic] });
    const ends = await admin.fetchTopicOffsets(topic);
    for (const end of ends.filter((p) => p.high !== '0')) {
      expect(committed!.partitions.find((p) => p.partition === end.partition)?.offset).toBe(end.high);
    }
    expect(ends.reduce((sum, p) => sum + Number(p.high), 0)).toBe(30);
  });
});
