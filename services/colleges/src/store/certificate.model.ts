import { type Connection, type Model, Schema } from 'mongoose';
import type { Certificate } from '../domain/colleges.types';
import type { Doc } from './documents';

const certificateSchema = new Schema<Doc<Certificate>>(
  {
    _id: { type: String, required: true },
    number: { type: String, required: true },
    enrolmentId: { type: String, required: true },
    returneeId: { type: String, required: true },
    cohortId: { type: String, required: true },
    courseId: { type: String, required: true },
    collegeOrgId: { type: String, required: true },
    courseTitle: { type: String, required: true },
    occupationCode: { type: String, required: true },
    skills: { type: [String], default: [] },
    result: String,
    issuedOn: { type: String, required: true },
  },
  { versionKey: false },
);
certificateSchema.index({ number: 1 }, { unique: true });
// one certificate per enrolment, whatever retries happen
certificateSchema.index({ enrolmentId: 1 }, { unique: true });

export const certificateModel = (connection: Connection): Model<Doc<Certificate>> =>
  connection.models.certificates ?? connection.model<Doc<Certificate>>('certificates', certificateSchema, 'certificates');
