import type { Connection } from 'mongoose';
import { isDuplicateKey } from '../errors/store-errors';

interface ListEntry {
  _id: string;
  holderId: string;
}

/** How many entries one key may hold: far more than namesakes born the same day. */
const MOST = 1_000;

const entryId = (key: string, n: number) => `${key}#${n}`;

/**
 * A key that many documents may share (a name and a birth date) → the ids of the documents that have it,
 * one entry per holder with `_id` = `<key>#<n>`, n = 0, 1, 2…, so that listing a key reads by `_id` only:
 * FerretDB 1.x decodes a whole collection for any filter that is not one string `_id`, and its updates are
 * not atomic, so an array of holders could lose one to a concurrent `$addToSet`. Inserts are atomic: a new
 * holder takes the first free n, and a concurrent one that took it first sends it to the next.
 *
 * The entries only find: a holder that no longer has the key (edited, deleted) keeps its entry, and readers
 * check each holder found. Entries are never deleted, so the n of a key stay contiguous from 0.
 */
export function lookupLists(connection: Connection, collection: string) {
  const entries = connection.collection<ListEntry>(collection);
  /** The holders of `key` in the order they were added, read entry by entry until the first missing one. */
  const holdersOf = async (key: string): Promise<string[]> => {
    const holders: string[] = [];
    for (let n = 0; n < MOST; n++) {
      const entry = await entries.findOne({ _id: entryId(key, n) });
      if (!entry) break;
      holders.push(entry.holderId);
    }
    return holders;
  };
  const add = async (key: string, holderId: string): Promise<void> => {
    const holders = await holdersOf(key);
    if (holders.includes(holderId)) return;
    for (let n = holders.length; n < MOST; n++) {
      try {
        await entries.insertOne({ _id: entryId(key, n), holderId });
        return;
      } catch (error) {
        if (!isDuplicateKey(error)) throw error;
        // another holder took this n meanwhile, or this one did (a concurrent add of the same holder)
        if ((await entries.findOne({ _id: entryId(key, n) }))?.holderId === holderId) return;
      }
    }
    throw new Error(`lookup list ${collection}: more than ${MOST} holders of one key`);
  };
  return {
    holdersOf,
    /** Adds `holderId` to the holders of `key` (nothing when it is there already); before the holder is stored. */
    add,
    /**
     * Adds the holders stored before the lists existed, once (grouped by key in memory, written in batches;
     * an entry some running instance wrote meanwhile sends the one it displaced through `add`); each boot
     * after that reads one document. The marker's `_id` holds no `#`, so no entry can be it.
     */
    backfill: async (holders: () => AsyncIterable<{ key: string; holderId: string }>): Promise<void> => {
      const MARKER = 'backfilled';
      if (await entries.findOne({ _id: MARKER })) return;
      const byKey = new Map<string, string[]>();
      for await (const { key, holderId } of holders()) byKey.set(key, [...(byKey.get(key) ?? []), holderId]);
      let batch: (ListEntry & { key: string })[] = [];
      const write = async () => {
        const written = batch;
        batch = [];
        await entries.insertMany(
          written.map(({ _id, holderId }) => ({ _id, holderId })),
          { ordered: false },
        ).catch(async (error: unknown) => {
          if (!isDuplicateKey(error)) throw error;
          const refused = (error as { writeErrors?: { index: number }[] }).writeErrors ?? [];
          for (const { index } of refused) await add(written[index]!.key, written[index]!.holderId);
        });
      };
      for (const [key, ids] of byKey) {
        for (const [n, holderId] of ids.entries()) batch.push({ _id: entryId(key, n), holderId, key });
        if (batch.length >= 1_000) await write();
      }
      if (batch.length > 0) await write();
      await entries.updateOne({ _id: MARKER }, { $set: { holderId: '' } }, { upsert: true });
    },
  };
}

export type LookupLists = ReturnType<typeof lookupLists>;
