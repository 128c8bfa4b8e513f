import { type Connection, type Model, Schema } from 'mongoose';

/**
 * One read mark (`<notice key>@<its time>`) of one user, a document of its own: adding it is an insert,
 * which is atomic on FerretDB too, and adding it again is a duplicate key that changes nothing. `at` and
 * `n` (its place in the request that added it) order a user's marks oldest first.
 */
export interface NoticeMarkDocument {
  /** `<userId> <mark>`: at most one document per user and mark. */
  _id: string;
  userId: string;
  mark: string;
  at: Date;
  n: number;
}

const noticeMarkSchema = new Schema<NoticeMarkDocument>(
  {
    _id: { type: String, required: true },
    userId: { type: String, required: true },
    mark: { type: String, required: true },
    at: { type: Date, required: true },
    n: { type: Number, required: true },
  },
  { versionKey: false },
);
noticeMarkSchema.index({ userId: 1, at: 1, n: 1 });

export const noticeMarksModel = (connection: Connection): Model<NoticeMarkDocument> =>
  connection.models.notice_marks ?? connection.model<NoticeMarkDocument>('notice_marks', noticeMarkSchema, 'notice_marks');

/**
 * How marks were kept before: one document per user holding all their marks, updated with `$addToSet`.
 * FerretDB 1.x applies an update as read-then-write, so two tabs adding at the same instant lost one set.
 * Read only to move what it holds into notice_marks.
 */
export interface LegacyNoticeReadsDocument {
  _id: string;
  marks: string[];
  updatedAt: Date;
}

const legacyNoticeReadsSchema = new Schema<LegacyNoticeReadsDocument>(
  { _id: { type: String, required: true }, marks: { type: [String], required: true }, updatedAt: { type: Date, required: true } },
  { versionKey: false },
);

export const legacyNoticeReadsModel = (connection: Connection): Model<LegacyNoticeReadsDocument> =>
  connection.models.notice_reads ?? connection.model<LegacyNoticeReadsDocument>('notice_reads', legacyNoticeReadsSchema, 'notice_reads');
