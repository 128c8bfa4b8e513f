import type { Connection } from 'mongoose';
import { createAggregateLocks, EventsError, type LockRedis } from '@hoanhap/events';
import { lockErrorAsBusy, retryWhileStoreBusy } from '@hoanhap/kit';
import { noticeMarksModel, noticeReadsModel } from './notice-reads.model';

/**
 * Read marks per user, one document each, read by `_id` (see notice-reads.model.ts). A change reads the
 * document, merges and writes it whole, as the only writer of that user's marks (in-process queue, then a
 * Redis lock across instances): two tabs adding at once both keep theirs. Past `kept` marks the oldest go.
 */
export function noticeReadsRepository(connection: Connection, redis: LockRedis, redisPrefix: string, kept: number) {
  const model = noticeReadsModel(connection);
  const earlier = noticeMarksModel(connection);
  const locks = createAggregateLocks(redis, `${redisPrefix}identity:notice-reads:`, 10_000);

  const marksOf = async (userId: string): Promise<string[]> => (await model.findOne({ _id: userId }, { marks: 1 }).lean())?.marks ?? [];

  /**
   * Appends the marks not held yet (a mark already held keeps its place) and keeps the newest `kept`. A user's
   * marks locked for 5 s, or a lock lost before the write, is 503 SERVICE.BUSY (nothing written).
   */
  const add = (userId: string, marks: string[], at: Date): Promise<string[]> =>
    locks
      .exclusive(userId, 5_000, async (lease) => {
        const held = await marksOf(userId);
        const known = new Set(held);
        const fresh = marks.filter((mark) => !known.has(mark) && known.add(mark));
        if (fresh.length === 0) return held.slice(-kept);
        const next = [...held, ...fresh].slice(-kept);
        if (!lease.stillHeld())
          throw new EventsError('EVENTS.LOCK_EXPIRED', `the notice marks of ${userId} outlived their lock; nothing was written`);
        await retryWhileStoreBusy(() => model.updateOne({ _id: userId }, { $set: { marks: next, updatedAt: at } }, { upsert: true }));
        return next;
      })
      .catch((error: unknown) => Promise.reject(lockErrorAsBusy(error)));

  /** Moves marks kept one document per mark into their user's document, oldest first, each deleted once moved. */
  const migrate = async () => {
    const docs = await earlier.find().lean();
    const byUser = new Map<string, typeof docs>();
    for (const doc of docs) (byUser.get(doc.userId) ?? byUser.set(doc.userId, []).get(doc.userId)!).push(doc);
    for (const [userId, own] of byUser) {
      own.sort((a, b) => a.at.getTime() - b.at.getTime() || a.n - b.n);
      await add(
        userId,
        own.map((doc) => doc.mark),
        own.at(-1)!.at,
      );
      for (const doc of own) await earlier.deleteOne({ _id: doc._id });
    }
  };

  return {
    init: async () => {
      await model.init();
      await migrate();
    },
    marksOf,
    add,
  };
}

export type NoticeReadsRepository = ReturnType<typeof noticeReadsRepository>;
