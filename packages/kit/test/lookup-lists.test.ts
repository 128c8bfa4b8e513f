import mongoose, { type Connection } from 'mongoose';
import { testNamespace } from '@hoanhap/testing';
import { lookupLists } from '../src';

const ns = testNamespace();
let conn: Connection;

beforeAll(async () => {
  conn = await mongoose.createConnection(ns.mongoUri).asPromise();
});
afterAll(async () => {
  await conn.dropDatabase();
  await conn.close();
});

describe('lookup lists: a shared key → its holders, read by _id', () => {
  it('when holders are added, then they are listed in order, each once, and an unknown key lists none', async () => {
    const lists = lookupLists(conn, 'plain_lists');
    await lists.add('lan|1990-01-01', 'a');
    await lists.add('lan|1990-01-01', 'b');
    await lists.add('lan|1990-01-01', 'a');
    expect(await lists.holdersOf('lan|1990-01-01')).toEqual(['a', 'b']);
    expect(await lists.holdersOf('mai|1990-01-01')).toEqual([]);
  });

  it('when 12 holders are added to one key at once, then all 12 are listed, none lost, none twice', async () => {
    const lists = lookupLists(conn, 'race_lists');
    const holders = Array.from({ length: 12 }, (_, i) => `h${i}`);
    await Promise.all([...holders, ...holders.slice(0, 4)].map((id) => lists.add('same', id)));
    const listed = await lists.holdersOf('same');
    expect([...listed].sort()).toEqual([...holders].sort());
  });

  it('when holders were stored before the lists existed, then backfill lists them once, beside holders added meanwhile', async () => {
    const lists = lookupLists(conn, 'backfill_lists');
    await lists.add('binh', 'live');
    let read = 0;
    const stored = async function* () {
      for (const [key, holderId] of [
        ['binh', 'old1'],
        ['an', 'old2'],
        ['binh', 'old3'],
      ] as const) {
        read += 1;
        yield { key, holderId };
      }
    };
    await lists.backfill(stored);
    expect((await lists.holdersOf('binh')).sort()).toEqual(['live', 'old1', 'old3']);
    expect(await lists.holdersOf('an')).toEqual(['old2']);
    await lists.backfill(stored);
    expect(read).toBe(3);
  });
});
