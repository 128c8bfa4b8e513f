import { createClient } from 'redis';
import { testNamespace } from '@hoanhap/testing';
import { redisIndex } from '../src';

const ns = testNamespace();
let redis: ReturnType<typeof createClient>;

beforeAll(async () => {
  redis = createClient({ url: ns.redisUrl });
  await redis.connect();
});
afterAll(async () => {
  const keys = await redis.keys(`${ns.redisPrefix}*`);
  if (keys.length > 0) await redis.del(keys);
  await redis.quit();
});

describe('redis index: ids beside their documents, rebuilt by the query when Redis lost them', () => {
  it('when members are added, then they come back by score, then by id (the order of sort({ waitlistedAt: 1, _id: 1 }))', async () => {
    const index = redisIndex(redis, `${ns.redisPrefix}order`);
    await index.open();
    await index.add('e-b', 2_000);
    await index.add('e-c', 1_000);
    await index.add('e-a', 2_000);
    await index.remove('e-missing');
    let rebuilt = 0;
    const query = async function* () {
      rebuilt += 1;
      yield { value: 'from-the-query', score: 0 };
    };
    // an opened set is complete: the query is never run
    expect((await index.members(query)).map((m) => m.value)).toEqual(['e-c', 'e-a', 'e-b']);
    expect(rebuilt).toBe(0);
  });

  it('when the set was never opened or Redis lost it, then members() rebuilds it once from the query, keeping what was added meanwhile', async () => {
    const key = `${ns.redisPrefix}lost`;
    const index = redisIndex(redis, key);
    await index.add('added-meanwhile', 5);
    let rebuilt = 0;
    const query = async function* () {
      rebuilt += 1;
      yield { value: 'stored-1', score: 1 };
      yield { value: 'stored-2', score: 9 };
    };
    expect((await index.members(query)).map((m) => m.value)).toEqual(['stored-1', 'added-meanwhile', 'stored-2']);
    expect((await index.members(query)).map((m) => m.value)).toEqual(['stored-1', 'added-meanwhile', 'stored-2']);
    expect(rebuilt).toBe(1);
    await redis.del(key);
    expect(await index.members(query)).toHaveLength(2);
    expect(rebuilt).toBe(2);
  });
});
