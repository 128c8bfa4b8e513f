import type { Connection } from 'mongoose';
import { ignoreDuplicate } from '../errors/store-errors';

type LookupKey = { _id: string } & Record<string, string>;

/** Marks the keys of the documents stored before keys existed as written; no key may be this word. */
const BACKFILLED = 'backfilled';

/**
 * A natural key (an email, a job and a person) → the id of the document that holds it, one document per key
 * keyed by `_id`, so that finding by the natural key reads by `_id` only: FerretDB 1.x answers a filter on
 * one string `_id` in SQL, and reads and decodes the whole collection for any other filter. The holders'
 * unique index on the natural key stays the uniqueness check; the keys only find.
 *
 * Every stored holder has a key: it is claimed before the holder is inserted (holders stored before keys
 * existed get theirs once, at boot). A key may name a holder that does not exist — a creation that failed or
 * stopped between its two writes. Such a key is left, never deleted (a delete could race with the creation
 * that wins the natural key): that creation points the key at its holder once stored, and a read that finds a
 * key naming a missing holder falls back to the scan and mends it (see `findHolder`).
 */
export function lookupKeys(connection: Connection, collection: string, options: { holderField?: string } = {}) {
  // the field naming the holder: a store that had keys before this module keeps its own name
  const field = options.holderField ?? 'holderId';
  const keys = connection.collection<LookupKey>(collection);
  const keyOf = (key: string, holderId: string) => ({ _id: key, [field]: holderId }) as LookupKey;
  const holderOf = async (key: string): Promise<string | undefined> => (await keys.findOne({ _id: key }))?.[field];
  const point = async (key: string, holderId: string) => {
    await keys.updateOne({ _id: key }, { $set: { [field]: holderId } }, { upsert: true });
  };
  /** The holder found by the natural-key query (a scan on FerretDB), the key pointed at it. */
  const scanHolder = async <D>(key: string, scan: () => Promise<D | null | undefined>, idOf: (document: D) => string) => {
    const found = await scan();
    if (found) await point(key, idOf(found));
    return found ?? undefined;
  };
  return {
    /** The id the key names, if any (the caller checks that this holder still has the natural key). */
    holderOf,
    /** Before inserting the holder `holderId`: the key, unless one exists already (kept as it is). */
    claim: async (key: string, holderId: string) => {
      if (key === BACKFILLED) throw new Error(`"${BACKFILLED}" cannot be a lookup key`);
      await keys.insertOne(keyOf(key, holderId)).catch(ignoreDuplicate);
    },
    /** After `holderId` was inserted with the natural key (the unique index let it): the key names it. */
    confirm: async (key: string, holderId: string) => {
      if ((await holderOf(key)) !== holderId) await point(key, holderId);
    },
    /**
     * The holder of `key`: by the key and then `readById`; `scan` (the natural-key query) only where the key
     * names a document that is missing or no longer `holds` it, and then the key is mended. No key, no holder.
     */
    findHolder: async <D>(
      key: string,
      find: {
        readById: (id: string) => Promise<D | null | undefined>;
        holds: (document: D) => boolean;
        scan: () => Promise<D | null | undefined>;
        idOf: (document: D) => string;
      },
    ): Promise<D | undefined> => {
      const holderId = await holderOf(key);
      if (holderId === undefined) return undefined;
      const held = await find.readById(holderId);
      if (held && find.holds(held)) return held;
      return scanHolder(key, find.scan, find.idOf);
    },
    /** For where the unique index refused a holder and the key may not say who holds it yet: scans, mends. */
    scanHolder,
    /**
     * Writes the keys of holders stored before keys existed, once (in batches; a key already there stays);
     * each boot after that reads one document.
     */
    backfill: async (holders: () => AsyncIterable<{ key: string; holderId: string }>): Promise<void> => {
      if (await keys.findOne({ _id: BACKFILLED })) return;
      let batch: LookupKey[] = [];
      const write = async () => {
        await keys.insertMany(batch, { ordered: false }).catch(ignoreDuplicate);
        batch = [];
      };
      for await (const { key, holderId } of holders()) {
        batch.push(keyOf(key, holderId));
        if (batch.length === 1_000) await write();
      }
      if (batch.length > 0) await write();
      await point(BACKFILLED, '');
    },
  };
}

export type LookupKeys = ReturnType<typeof lookupKeys>;
