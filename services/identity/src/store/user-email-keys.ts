import type { Connection } from 'mongoose';
import { ignoreDuplicate } from '@hoanhap/kit';

interface EmailKey {
  _id: string;
  userId: string;
}

/** Marks the keys of the users stored before keys existed as written: an email always holds `@`, this id never does. */
const BACKFILLED = 'backfilled';

/**
 * Email → user id, one document per email keyed by `_id`, so that a login reads by `_id` only: FerretDB 1.x
 * answers a filter on one string `_id` in SQL, and reads and decodes the whole users collection for
 * `{ email }`. The users' unique email index stays the uniqueness check; the keys only find.
 *
 * Every stored user has a key for its email: it is claimed before the user is inserted (users stored before
 * keys existed get theirs once, at boot). A key may name a user that does not exist — a creation that failed
 * or stopped between its two writes. Such a key is left, never deleted (a delete could race with the creation
 * that wins the email): that creation points the key at its user once stored, and a read that finds a key
 * naming a missing user falls back to the scan and mends it.
 */
export function userEmailKeys(connection: Connection) {
  const keys = connection.collection<EmailKey>('user_emails');
  const holderOf = async (email: string) => (await keys.findOne({ _id: email }))?.userId;
  const point = async (email: string, userId: string) => {
    await keys.updateOne({ _id: email }, { $set: { userId } }, { upsert: true });
  };
  return {
    /** The id the key of `email` names, if any (the caller checks that user's email). */
    holderOf,
    /** Before inserting the user `userId`: the key of its email, unless one exists already (kept as it is). */
    claim: async (email: string, userId: string) => {
      await keys.insertOne({ _id: email, userId }).catch(ignoreDuplicate);
    },
    /** After `userId` was inserted with `email` (the unique index let it): the key names it. */
    confirm: async (email: string, userId: string) => {
      if ((await holderOf(email)) !== userId) await point(email, userId);
    },
    /** Where a key named a missing user but the scan found the holder: the key names it again. */
    mend: point,
    /**
     * Writes the keys of users stored before keys existed, once (in batches; a key already there stays);
     * each boot after that reads one document.
     */
    backfill: async (users: () => AsyncIterable<{ _id: string; email: string }>): Promise<void> => {
      if (await keys.findOne({ _id: BACKFILLED })) return;
      let batch: EmailKey[] = [];
      const write = async () => {
        await keys.insertMany(batch, { ordered: false }).catch(ignoreDuplicate);
        batch = [];
      };
      for await (const user of users()) {
        batch.push({ _id: user.email, userId: user._id });
        if (batch.length === 1_000) await write();
      }
      if (batch.length > 0) await write();
      await point(BACKFILLED, '');
    },
  };
}
