import type { Connection } from 'mongoose';
import type { AttendanceRecord } from '../domain/colleges.types';
import { attendanceModel } from './attendance.model';

export function attendanceRepository(connection: Connection) {
  const model = attendanceModel(connection);
  const plain = ({ _id: _ignored, ...record }: AttendanceRecord & { _id: string }): AttendanceRecord => record;
  return {
    init: () => model.init(),
    /** The day's record, replacing an earlier one for the same day. */
    record: async (record: AttendanceRecord) => {
      await model.replaceOne({ _id: `${record.enrolmentId}|${record.date}` }, record, { upsert: true });
    },
    list: async (enrolmentId: string) => (await model.find({ enrolmentId }).sort({ date: 1 }).lean()).map(plain),
  };
}

export type AttendanceRepository = ReturnType<typeof attendanceRepository>;
