import { ensureTopics } from '../src';
import { waitForLeaders } from '../src/kafka/topics';
import { counterIncremented } from './support/test-events';
import { openTestInfra, type TestInfra } from './support/test-infra';

let infra: TestInfra;
let admin: ReturnType<TestInfra['kafka']['admin']>;

beforeAll(async () => {
  infra = await openTestInfra([]);
  admin = infra.kafka.admin();
  await admin.connect();
});
afterAll(async () => {
  await admin.disconnect();
  await infra.close();
});

const leadersOf = async (topics: string[]) =>
  (await admin.fetchTopicMetadata({ topics })).topics.flatMap((t) => t.partitions.map((p) => p.leader));

describe('ensureTopics', () => {
  it('returns only when every partition of the topic and its dead-letter topic has a leader', async () => {
    const created = await ensureTopics(infra.kafka, [counterIncremented], {
      numPartitions: 3,
      replicationFactor: 1,
      topicPrefix: infra.ns.topicPrefix,
    });
    expect(created).toEqual([
      `${infra.ns.topicPrefix}${counterIncremented.topic}`,
      `${infra.ns.topicPrefix}${counterIncremented.topic}.dlq`,
    ]);
    const leaders = await leadersOf(created);
    expect(leaders).toHaveLength(6);
    for (const leader of leaders) expect(leader).toBeGreaterThanOrEqual(0);
  });

  it('called again for topics that exist, creates nothing and returns the same names', async () => {
    const options = { numPartitions: 3, replicationFactor: 1, topicPrefix: infra.ns.topicPrefix, deadLetters: false };
    const names = await ensureTopics(infra.kafka, ['again'], options);
    const before = (await admin.listTopics()).filter((t) => t.startsWith(infra.ns.topicPrefix)).sort();
    expect(await ensureTopics(infra.kafka, ['again'], options)).toEqual(names);
    expect((await admin.listTopics()).filter((t) => t.startsWith(infra.ns.topicPrefix)).sort()).toEqual(before);
  });
});

describe('waitForLeaders', () => {
  it('waits through "unknown topic" for a topic another client creates a moment later', async () => {
    const topic = `${infra.ns.topicPrefix}later`;
    const waiting = waitForLeaders(admin, [topic], 20_000);
    await new Promise((resolve) => setTimeout(resolve, 300));
    const other = infra.kafka.admin();
    await other.connect();
    await other.createTopics({ waitForLeaders: false, topics: [{ topic, numPartitions: 2, replicationFactor: 1 }] });
    await other.disconnect();
    await expect(waiting).resolves.toBeUndefined();
    expect(await leadersOf([topic])).toHaveLength(2);
  });

  it('gives up after its timeout with the broker’s error when the topic never comes', async () => {
    const started = Date.now();
    await expect(waitForLeaders(admin, [`${infra.ns.topicPrefix}never`], 600)).rejects.toMatchObject({
      type: 'UNKNOWN_TOPIC_OR_PARTITION',
    });
    expect(Date.now() - started).toBeLessThan(10_000);
  });

  it('passes any other error straight on', async () => {
    await expect(waitForLeaders(admin, [''], 5_000)).rejects.toThrow(/Invalid topic/);
  });
});
