import { type Connection, type Model, Schema } from 'mongoose';

/**
 * The read model of cases.returnee.profile-published.v1: only the revision
 * and the consented college view. Everything else in the event is dropped
 * on arrival, so it cannot leak from here.
 */
export interface ReturneeDocument {
  _id: string;
  revision: number;
  collegeView?: { givenName: string; skills: string[] };
  updatedAt: Date;
}

const returneeSchema = new Schema<ReturneeDocument>(
  {
    _id: { type: String, required: true },
    revision: { type: Number, required: true },
    collegeView: { type: Schema.Types.Mixed, required: false },
    updatedAt: { type: Date, required: true },
  },
  { versionKey: false },
);

export const returneeModel = (connection: Connection): Model<ReturneeDocument> =>
  connection.models.returnees ?? connection.model<ReturneeDocument>('returnees', returneeSchema, 'returnees');
