import { type Connection, type Model, Schema } from 'mongoose';
import { type IdempotencyRecord, idempotencySchemaPath } from '@hoanhap/kit';
import type { Course } from '../domain/colleges.types';
import type { Doc } from './documents';

export type CourseDocument = Doc<Course> & { idempotency?: IdempotencyRecord };

const courseSchema = new Schema<CourseDocument>(
  {
    _id: { type: String, required: true },
    collegeOrgId: { type: String, required: true },
    title: { type: String, required: true },
    occupationCode: { type: String, required: true },
    skillsGranted: { type: [String], default: [] },
    level: { type: String, required: true },
    durationWeeks: { type: Number, required: true },
    delivery: { type: String, required: true },
    provinceCode: { type: String, required: true },
    communeCode: String,
    tuitionVnd: { type: Number, required: true },
    netTuitionVnd: { type: Number, required: true },
    support: { type: Schema.Types.Mixed, default: [] },
    trainingLoanEligible: { type: Boolean, required: true },
    languages: { type: [String], default: [] },
    prerequisites: { type: [String], default: [] },
    description: String,
    createdAt: { type: Date, required: true },
    updatedAt: { type: Date, required: true },
    idempotency: idempotencySchemaPath,
  },
  { versionKey: false, minimize: false },
);
courseSchema.index({ collegeOrgId: 1, createdAt: 1, _id: 1 });

export const courseModel = (connection: Connection): Model<CourseDocument> =>
  connection.models.courses ?? connection.model<CourseDocument>('courses', courseSchema, 'courses');
