import type { Connection } from 'mongoose';
import { isDuplicateKey, retryWhileStoreBusy } from '@hoanhap/kit';
import { legacyNoticeReadsModel, noticeMarksModel } from './notice-reads.model';

/**
 * Read marks per user, one document per mark (see notice-reads.model.ts): two tabs adding at once both
 * keep theirs, and a retry is a duplicate key that changes nothing. Past `kept` marks the oldest are
 * deleted; two requests trimming at once delete the same oldest documents.
 */
/** A mark's document id: at most one document per user and mark. */
const markId = (userId: string, mark: string) => `${userId} ${mark}`;

export function noticeReadsRepository(connection: Connection, kept: number) {
  const model = noticeMarksModel(connection);
  const legacy = legacyNoticeReadsModel(connection);

  /** Inserts the marks not held yet; a mark already held keeps its place. Again after a busy store: the same inserts. */
  const insert = async (userId: string, marks: string[], at: Date) => {
    const docs = marks.map((mark, n) => ({ _id: markId(userId, mark), userId, mark, at, n }));
    try {
      await retryWhileStoreBusy(() => model.insertMany(docs, { ordered: false }));
    } catch (error) {
      const writeErrors = (error as { writeErrors?: unknown[] }).writeErrors;
      const all = writeErrors ?? [error];
      if (!all.every((e) => isDuplicateKey((e as { err?: unknown }).err ?? e))) throw error;
    }
  };

  const marksOf = async (userId: string): Promise<string[]> => {
    const docs = await model.find({ userId }, { mark: 1 }).sort({ at: 1, n: 1 }).lean();
    return docs.map((d) => d.mark);
  };

  /** Moves the marks of the one-document-per-user form into notice_marks; each user's document goes when moved. */
  const migrate = async () => {
    // read whole first (one document per user who had marks): no cursor left open over documents being deleted
    for (const doc of await legacy.find().lean()) {
      if (doc.marks.length > 0) await insert(doc._id, doc.marks, doc.updatedAt);
      await legacy.deleteOne({ _id: doc._id });
    }
  };

  return {
    init: async () => {
      await model.init();
      await migrate();
    },
    marksOf,
    add: async (userId: string, marks: string[], at: Date): Promise<string[]> => {
      await insert(userId, marks, at);
      const all = await marksOf(userId);
      if (all.length <= kept) return all;
      const oldest = all.slice(0, all.length - kept);
      await model.deleteMany({ _id: { $in: oldest.map((mark) => markId(userId, mark)) } });
      return all.slice(-kept);
    },
  };
}

export type NoticeReadsRepository = ReturnType<typeof noticeReadsRepository>;
