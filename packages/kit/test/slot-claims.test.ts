import mongoose, { type Connection } from 'mongoose';
import { storeCallsDuring, testNamespace } from '@hoanhap/testing';
import { claimSlot, claimedCount, holdsSlot, releaseSlot, slotClaimModel } from '../src';

const ns = testNamespace();
let conn: Connection;

beforeAll(async () => {
  conn = await mongoose.createConnection(ns.mongoUri).asPromise();
  await slotClaimModel(conn).init();
});
afterAll(async () => {
  await conn.dropDatabase();
  await conn.close();
});

describe('slot claims on FerretDB (ARCHITECTURE §7: updates are not atomic, inserts are)', () => {
  it('when 100 claimants race for 20 places, then exactly 20 hold one and 80 are refused, nothing lost', async () => {
    const model = slotClaimModel(conn);
    const claimants = Array.from({ length: 100 }, (_, i) => `person-${i}`);
    const results = await Promise.all(claimants.map((who) => claimSlot(model, 'cohort-a', who, 20)));

    const won = results.filter((r) => r.claimed);
    expect(won).toHaveLength(20);
    expect(results.filter((r) => !r.claimed)).toHaveLength(80);

    const stored = await model.find({ resource: 'cohort-a' }).lean();
    expect(stored).toHaveLength(20);
    expect(new Set(stored.map((c) => c.slot)).size).toBe(20);
    expect(new Set(stored.map((c) => c.claimant)).size).toBe(20);
    // every winner's answer matches what is stored: no claim reported but lost
    const storedSlots = new Map(stored.map((c) => [c.claimant, c.slot]));
    results.forEach((r, i) => {
      if (r.claimed) expect(storedSlots.get(claimants[i]!)).toBe(r.slot);
      else expect(storedSlots.has(claimants[i]!)).toBe(false);
    });
  });

  it('when one claimant repeats its claim concurrently, then it holds a single place', async () => {
    const model = slotClaimModel(conn);
    const results = await Promise.all(Array.from({ length: 10 }, () => claimSlot(model, 'cohort-b', 'same-person', 5)));
    expect(results.every((r) => r.claimed)).toBe(true);
    expect(new Set(results.map((r) => (r.claimed ? r.slot : -1))).size).toBe(1);
    expect(await claimedCount(model, 'cohort-b')).toBe(1);
  });

  it('when a place is released, then the next claimant gets it', async () => {
    const model = slotClaimModel(conn);
    await claimSlot(model, 'cohort-c', 'a', 1);
    expect((await claimSlot(model, 'cohort-c', 'b', 1)).claimed).toBe(false);
    expect(await releaseSlot(model, 'cohort-c', 'a')).toBe(true);
    expect(await claimSlot(model, 'cohort-c', 'b', 1)).toMatchObject({ claimed: true, slot: 0 });
  });

  it('when a place is claimed, then the claims are read by _id alone (FerretDB 1.x decodes every claim for any other filter)', async () => {
    const model = slotClaimModel(conn);
    for (let i = 0; i < 3; i++) await claimSlot(model, 'cohort-d', `earlier-${i}`, 4);
    const { calls } = await storeCallsDuring(conn, ['slot_claims'], async () => {
      await expect(claimSlot(model, 'cohort-d', 'last', 4)).resolves.toMatchObject({ claimed: true });
      await expect(claimSlot(model, 'cohort-d', 'one-too-many', 4)).resolves.toEqual({ claimed: false });
    });
    const filters = calls.filter((c) => c.method.startsWith('find')).map((c) => c.filter);
    expect(filters.length).toBeGreaterThan(0);
    expect(filters.every((filter) => Object.keys(filter).join() === '_id')).toBe(true);
  });

  it('when asked whether a claimant holds a place, then the answer follows its claim and its release', async () => {
    const model = slotClaimModel(conn);
    expect(await holdsSlot(model, 'cohort-h', 'lan')).toBe(false);
    await claimSlot(model, 'cohort-h', 'lan', 2);
    expect([await holdsSlot(model, 'cohort-h', 'lan'), await holdsSlot(model, 'cohort-other', 'lan')]).toEqual([true, false]);
    await releaseSlot(model, 'cohort-h', 'lan');
    expect(await holdsSlot(model, 'cohort-h', 'lan')).toBe(false);
  });
});
