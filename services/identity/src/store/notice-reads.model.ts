import { type Connection, type Model, Schema } from 'mongoose';

/** One user's read marks (`<notice key>@<its time>`), oldest first: keyed by the user's id, read and written by _id. */
export interface NoticeReadsDocument {
  _id: string;
  marks: string[];
  updatedAt: Date;
}

const noticeReadsSchema = new Schema<NoticeReadsDocument>(
  {
    _id: { type: String, required: true },
    marks: { type: [String], required: true },
    updatedAt: { type: Date, required: true },
  },
  { versionKey: false },
);

export const noticeReadsModel = (connection: Connection): Model<NoticeReadsDocument> =>
  connection.models.notice_reads ?? connection.model<NoticeReadsDocument>('notice_reads', noticeReadsSchema, 'notice_reads');
