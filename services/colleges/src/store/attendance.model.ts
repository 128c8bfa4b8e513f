import { type Connection, type Model, Schema } from 'mongoose';
import type { AttendanceRecord } from '../domain/colleges.types';

/** `_id` = enrolment|date: recording a day twice replaces it, never duplicates it. */
export type AttendanceDocument = AttendanceRecord & { _id: string };

const attendanceSchema = new Schema<AttendanceDocument>(
  {
    _id: { type: String, required: true },
    enrolmentId: { type: String, required: true },
    date: { type: String, required: true },
    present: { type: Boolean, required: true },
    recordedBy: { type: String, required: true },
    recordedAt: { type: Date, required: true },
  },
  { versionKey: false },
);
attendanceSchema.index({ enrolmentId: 1, date: 1 });

export const attendanceModel = (connection: Connection): Model<AttendanceDocument> =>
  connection.models.attendance ?? connection.model<AttendanceDocument>('attendance', attendanceSchema, 'attendance');
