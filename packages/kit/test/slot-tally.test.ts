import mongoose, { type Connection } from 'mongoose';
import { createClient } from 'redis';
import { byIdOnly, isRead, storeCallsDuring, testNamespace } from '@hoanhap/testing';
import { claimedCount, claimSlot, openTally, releaseSlot, slotClaimModel, type SlotTally } from '../src';

const ns = testNamespace();
let conn: Connection;
let redis: ReturnType<typeof createClient>;
let tally: SlotTally;

beforeAll(async () => {
  conn = await mongoose.createConnection(ns.mongoUri).asPromise();
  await slotClaimModel(conn, 'tallied_claims').init();
  redis = createClient({ url: ns.redisUrl });
  await redis.connect();
  tally = { redis, prefix: ns.redisPrefix };
});
afterAll(async () => {
  const keys = await redis.keys(`${ns.redisPrefix}*`);
  if (keys.length > 0) await redis.del(keys);
  await redis.quit();
  await conn.dropDatabase();
  await conn.close();
});

const model = () => slotClaimModel(conn, 'tallied_claims');
const setOf = (resource: string) => `${ns.redisPrefix}slots:${resource}`;

/** The filters the claims collection was read with during `work`. */
const claimReads = async (work: () => Promise<unknown>) =>
  (await storeCallsDuring(conn, ['tallied_claims'], work)).calls.filter(isRead).map((c) => c.filter);
const notById = (filters: Record<string, unknown>[]) => filters.filter((f) => !byIdOnly(f));

describe('slot claims counted through a tally in Redis (each claimant checked by _id)', () => {
  it('when 40 claimants race for 10 places of a new resource, then the count is 10, read by _id alone, and a release makes it 9', async () => {
    await openTally(tally, 'cohort-t1');
    const results = await Promise.all(Array.from({ length: 40 }, (_, i) => claimSlot(model(), 'cohort-t1', `p${i}`, 10, tally)));
    expect(results.filter((r) => r.claimed)).toHaveLength(10);
    let count = 0;
    expect(notById(await claimReads(async () => (count = await claimedCount(model(), 'cohort-t1', tally))))).toEqual([]);
    expect(count).toBe(10);
    // the refused ones left the set
    expect(await redis.zCard(setOf('cohort-t1'))).toBe(11);

    const holder = `p${results.findIndex((r) => r.claimed)}`;
    await releaseSlot(model(), 'cohort-t1', holder, tally);
    expect(await claimedCount(model(), 'cohort-t1', tally)).toBe(9);
  });

  it('when Redis lost the set, then the next count rebuilds it from the claims (one scan) and later counts read by _id again', async () => {
    await openTally(tally, 'cohort-t2');
    for (const who of ['a', 'b', 'c']) await claimSlot(model(), 'cohort-t2', who, 5, tally);
    await redis.del(setOf('cohort-t2'));

    const rebuilding = await claimReads(async () => expect(await claimedCount(model(), 'cohort-t2', tally)).toBe(3));
    expect(notById(rebuilding)).toEqual([{ resource: 'cohort-t2' }]);
    expect(notById(await claimReads(async () => expect(await claimedCount(model(), 'cohort-t2', tally)).toBe(3)))).toEqual([]);
  });

  it('when a claimant is in the set without a claim (a claim that stopped midway), then it is not counted, and dropped once a minute old', async () => {
    await openTally(tally, 'cohort-t3');
    await claimSlot(model(), 'cohort-t3', 'real', 5, tally);
    await redis.zAdd(setOf('cohort-t3'), [
      { score: Date.now(), value: 'in-flight' },
      { score: Date.now() - 120_000, value: 'crashed' },
    ]);
    expect(await claimedCount(model(), 'cohort-t3', tally)).toBe(1);
    const left = (await redis.zRange(setOf('cohort-t3'), 0, -1)).filter((m) => !m.startsWith('\u0000'));
    expect(left.sort()).toEqual(['in-flight', 'real']);
  });

  it('when a holder went missing from the set, then claiming again (already held) puts it back', async () => {
    await openTally(tally, 'cohort-t4');
    await claimSlot(model(), 'cohort-t4', 'lan', 5, tally);
    await redis.zRem(setOf('cohort-t4'), 'lan');
    expect(await claimedCount(model(), 'cohort-t4', tally)).toBe(0);
    expect(await claimSlot(model(), 'cohort-t4', 'lan', 5, tally)).toMatchObject({ claimed: true, alreadyHeld: true });
    expect(await claimedCount(model(), 'cohort-t4', tally)).toBe(1);
  });
});
