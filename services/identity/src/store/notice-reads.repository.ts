import type { Connection } from 'mongoose';
import { noticeReadsModel } from './notice-reads.model';

/**
 * Read marks per user. Adding is `$addToSet` (adding a mark twice changes nothing); past `kept` marks the
 * oldest are dropped. FerretDB 1.x applies an update as read-then-write, so two tabs adding at the same
 * instant can lose one of the two sets: that notice shows as unread again until it is read again.
 */
export function noticeReadsRepository(connection: Connection, kept: number) {
  const model = noticeReadsModel(connection);
  const marksOf = async (userId: string) => (await model.findById(userId).lean())?.marks ?? [];
  return {
    init: () => model.init(),
    marksOf,
    add: async (userId: string, marks: string[], at: Date): Promise<string[]> => {
      await model.updateOne({ _id: userId }, { $addToSet: { marks: { $each: marks } }, $set: { updatedAt: at } }, { upsert: true });
      const all = await marksOf(userId);
      if (all.length <= kept) return all;
      const newest = all.slice(-kept);
      await model.updateOne({ _id: userId }, { $set: { marks: newest } });
      return newest;
    },
  };
}

export type NoticeReadsRepository = ReturnType<typeof noticeReadsRepository>;
