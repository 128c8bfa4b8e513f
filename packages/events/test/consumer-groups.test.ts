import { waitFor } from '@hoanhap/testing';
import { createConsumerRunner, createPublisher, deleteGroupsByPrefix, onEvent, seedConsumerGroup } from '../src';
import { counterIncremented } from './support/test-events';
import { openTestInfra, type TestInfra } from './support/test-infra';

// one partition, so that offset n holds the event numbered n
let infra: TestInfra;
let topic: string;
const EVENTS = 10;

beforeAll(async () => {
  infra = await openTestInfra([counterIncremented], 1);
  topic = `${infra.ns.topicPrefix}${counterIncremented.topic}`;
  const publisher = createPublisher({ kafka: infra.kafka, topicPrefix: infra.ns.topicPrefix });
  for (let n = 0; n < EVENTS; n++) await publisher.publish(counterIncremented, { counterId: 'c', n }, 'c', { correlationId: 'seed' });
  await publisher.disconnect();
});
afterAll(async () => {
  await deleteGroupsByPrefix(infra.kafka, infra.ns.topicPrefix).catch(() => undefined);
  await infra.close();
});

/** The numbers a new group reads, from `startAt` if given, once it has read up to the last event. */
async function readFrom(groupId: string, startAt?: Map<string, string>): Promise<number[]> {
  const seen: number[] = [];
  const runner = createConsumerRunner({
    kafka: infra.kafka,
    groupId,
    topicPrefix: infra.ns.topicPrefix,
    handlers: [onEvent(counterIncremented, async ({ payload }) => void seen.push(payload.n))],
    maxWaitTimeInMs: 100,
    logger: infra.logger,
    ...(startAt && { startAt }),
  });
  await runner.start();
  try {
    await waitFor(`${groupId} reads the last event`, () => seen.includes(EVENTS - 1), 30_000);
  } finally {
    await runner.stop();
  }
  return seen;
}

describe('consumer groups', () => {
  it('when a new group is given startAt, then it reads from that offset on; without it, from the beginning', async () => {
    expect(await readFrom(`${infra.ns.topicPrefix}from-6`, new Map([[`${topic}:0`, '6']]))).toEqual([6, 7, 8, 9]);
    expect(await readFrom(`${infra.ns.topicPrefix}from-start`)).toEqual([0, 1, 2, 3, 4, 5, 6, 7, 8, 9]);
  });

  it('when offsets name a topic that no longer exists, then it is skipped and nothing is seeded', async () => {
    expect(
      await seedConsumerGroup(infra.kafka, `${infra.ns.topicPrefix}gone`, new Map([[`${infra.ns.topicPrefix}no-such-topic:0`, '3']])),
    ).toBe(0);
    expect(await seedConsumerGroup(infra.kafka, `${infra.ns.topicPrefix}seeded`, new Map([[`${topic}:0`, '3']]))).toBe(1);
  });

  it('when groups are deleted by prefix, then every group of the prefix goes except the one kept, and an empty prefix is refused', async () => {
    await readFrom(`${infra.ns.topicPrefix}old.1`);
    await readFrom(`${infra.ns.topicPrefix}old.2`);
    const listed = async () => {
      const admin = infra.kafka.admin();
      await admin.connect();
      try {
        return (await admin.listGroups()).groups.map((g) => g.groupId).filter((id) => id.startsWith(`${infra.ns.topicPrefix}old.`));
      } finally {
        await admin.disconnect();
      }
    };
    expect((await listed()).sort()).toEqual([`${infra.ns.topicPrefix}old.1`, `${infra.ns.topicPrefix}old.2`]);
    expect(await deleteGroupsByPrefix(infra.kafka, `${infra.ns.topicPrefix}old.`, `${infra.ns.topicPrefix}old.2`)).toEqual([
      `${infra.ns.topicPrefix}old.1`,
    ]);
    expect(await listed()).toEqual([`${infra.ns.topicPrefix}old.2`]);
    await expect(deleteGroupsByPrefix(infra.kafka, '')).rejects.toThrow('without a prefix');
  });
});
