import mongoose, { type Connection } from 'mongoose';
import { testNamespace } from '@hoanhap/testing';
import { lookupKeys } from '../src';

const ns = testNamespace();
let conn: Connection;

interface Holder {
  _id: string;
  name: string;
}

beforeAll(async () => {
  conn = await mongoose.createConnection(ns.mongoUri).asPromise();
});
afterAll(async () => {
  await conn.dropDatabase();
  await conn.close();
});

/** A holders collection with its natural key `name`, and a finder that counts its scans. */
function world(collection: string) {
  const holders = conn.collection<Holder>(`${collection}_holders`);
  const keys = lookupKeys(conn, `${collection}_keys`);
  let scans = 0;
  const find = (name: string) =>
    keys.findHolder(name, {
      readById: (id) => holders.findOne({ _id: id }),
      holds: (found) => found.name === name,
      scan: () => {
        scans += 1;
        return holders.findOne({ name });
      },
      idOf: (found) => found._id,
    });
  const store = async (holder: Holder) => {
    await keys.claim(holder.name, holder._id);
    await holders.insertOne(holder);
    await keys.confirm(holder.name, holder._id);
  };
  return { holders, keys, find, store, scans: () => scans };
}

describe('lookup keys: natural key → holder id, read by _id', () => {
  it('when a holder is stored through its key, then it is found without a scan; an unknown key finds nothing, also without one', async () => {
    const w = world('plain');
    await w.store({ _id: 'h1', name: 'lan' });
    expect(await w.find('lan')).toEqual({ _id: 'h1', name: 'lan' });
    expect(await w.find('mai')).toBeUndefined();
    expect(w.scans()).toBe(0);
  });

  it('when a second holder claims a key another holds, then the key keeps naming the first', async () => {
    const w = world('taken');
    await w.store({ _id: 'h1', name: 'lan' });
    await w.keys.claim('lan', 'h2');
    expect(await w.keys.holderOf('lan')).toBe('h1');
  });

  it('when the key names a holder that is missing or no longer has the key, then one scan finds the real one and mends the key', async () => {
    const w = world('stale');
    await w.keys.claim('lan', 'never-stored');
    await w.holders.insertOne({ _id: 'h3', name: 'lan' });
    expect(await w.find('lan')).toEqual({ _id: 'h3', name: 'lan' });
    expect(await w.keys.holderOf('lan')).toBe('h3');
    expect(await w.find('lan')).toEqual({ _id: 'h3', name: 'lan' });
    expect(w.scans()).toBe(1);

    await w.holders.updateOne({ _id: 'h3' }, { $set: { name: 'lan-renamed' } });
    expect(await w.find('lan')).toBeUndefined();
    expect(w.scans()).toBe(2);
  });

  it('when holders were stored before keys existed, then backfill writes their keys once, keeps keys already there, and a second backfill reads nothing', async () => {
    const w = world('backfill');
    await w.holders.insertMany([
      { _id: 'a', name: 'an' },
      { _id: 'b', name: 'binh' },
    ]);
    await w.keys.claim('an', 'kept');
    let read = 0;
    const stored = async function* () {
      for await (const h of w.holders.find({})) {
        read += 1;
        yield { key: h.name, holderId: h._id };
      }
    };
    await w.keys.backfill(stored);
    expect([await w.keys.holderOf('an'), await w.keys.holderOf('binh'), read]).toEqual(['kept', 'b', 2]);
    await w.keys.backfill(stored);
    expect(read).toBe(2);
  });

  it('when a key is the backfill marker’s word, then claiming it throws', async () => {
    await expect(world('marker').keys.claim('backfilled', 'x')).rejects.toThrow(/cannot be a lookup key/);
  });

  it('when the store names the holder field its own way, then keys are written and read under that name', async () => {
    const keys = lookupKeys(conn, 'named_keys', { holderField: 'userId' });
    await keys.claim('lan@demo.vn', 'u1');
    expect(await conn.collection('named_keys').findOne({ _id: 'lan@demo.vn' as never })).toEqual({ _id: 'lan@demo.vn', userId: 'u1' });
    expect(await keys.holderOf('lan@demo.vn')).toBe('u1');
  });
});
