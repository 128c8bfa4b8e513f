import { type Connection, type Model, Schema } from 'mongoose';
import type { Enrolment } from '../domain/colleges.types';
import type { Doc } from './documents';

const enrolmentSchema = new Schema<Doc<Enrolment>>(
  {
    _id: { type: String, required: true },
    cohortId: { type: String, required: true },
    courseId: { type: String, required: true },
    collegeOrgId: { type: String, required: true },
    returneeId: { type: String, required: true },
    referralId: String,
    source: { type: String, required: true },
    status: { type: String, required: true },
    waitlistedAt: Date,
    reason: String,
    result: String,
    certificateId: String,
    createdAt: { type: Date, required: true },
    updatedAt: { type: Date, required: true },
  },
  { versionKey: false },
);
// one enrolment per person per cohort, whichever way it arrived (referral or roster): an atomic guard on FerretDB
enrolmentSchema.index({ cohortId: 1, returneeId: 1 }, { unique: true });
enrolmentSchema.index({ cohortId: 1, status: 1, waitlistedAt: 1, _id: 1 });
enrolmentSchema.index({ courseId: 1, createdAt: 1, _id: 1 });
enrolmentSchema.index({ referralId: 1 });

export const enrolmentModel = (connection: Connection): Model<Doc<Enrolment>> =>
  connection.models.enrolments ?? connection.model<Doc<Enrolment>>('enrolments', enrolmentSchema, 'enrolments');
