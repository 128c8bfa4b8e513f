import { type Connection, type Model, Schema } from 'mongoose';
import type { College } from '../domain/colleges.types';
import type { Doc } from './documents';

const collegeSchema = new Schema<Doc<College>>(
  {
    _id: { type: String, required: true },
    name: { type: String, required: true },
    licenceNumber: { type: String, required: true },
    licenceIssuedBy: String,
    provinceCode: { type: String, required: true },
    communeCode: String,
    address: String,
    contact: { type: Schema.Types.Mixed, default: {} },
    updatedAt: { type: Date, required: true },
  },
  { versionKey: false, minimize: false },
);

export const collegeModel = (connection: Connection): Model<Doc<College>> =>
  connection.models.colleges ?? connection.model<Doc<College>>('colleges', collegeSchema, 'colleges');
