import { type Connection, type Model, Schema } from 'mongoose';

/**
 * A user's read marks (`<notice key>@<its time>`), oldest first, in one document whose `_id` is the user id:
 * FerretDB 1.x on SQLite filters only `_id` in SQL (any other filter decodes the whole collection, ~36 µs a
 * document here), and the web app reads the marks every time a bell opens. Changed only under a lock per user
 * (notice-reads.repository.ts): FerretDB 1.x applies an update as a read then a write.
 */
export interface NoticeReadsDocument {
  _id: string;
  marks: string[];
  updatedAt: Date;
}

const noticeReadsSchema = new Schema<NoticeReadsDocument>(
  { _id: { type: String, required: true }, marks: { type: [String], required: true }, updatedAt: { type: Date, required: true } },
  { versionKey: false },
);

export const noticeReadsModel = (connection: Connection): Model<NoticeReadsDocument> =>
  connection.models.notice_reads ?? connection.model<NoticeReadsDocument>('notice_reads', noticeReadsSchema, 'notice_reads');

/**
 * How marks were kept for a while: one document per user and mark. Inserts kept concurrent adds apart, but
 * reading a user's marks filtered on `userId`, which FerretDB 1.x answers by decoding every mark of every
 * user. Read only to move what it holds back into notice_reads.
 */
export interface NoticeMarkDocument {
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

export const noticeMarksModel = (connection: Connection): Model<NoticeMarkDocument> =>
  connection.models.notice_marks ?? connection.model<NoticeMarkDocument>('notice_marks', noticeMarkSchema, 'notice_marks');
