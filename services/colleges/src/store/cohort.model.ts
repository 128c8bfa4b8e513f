import { type Connection, type Model, Schema } from 'mongoose';
import { type IdempotencyRecord, idempotencySchemaPath } from '@hoanhap/kit';
import type { Cohort } from '../domain/colleges.types';
import type { Doc } from './documents';

export type CohortDocument = Doc<Cohort> & { idempotency?: IdempotencyRecord };

const cohortSchema = new Schema<CohortDocument>(
  {
    _id: { type: String, required: true },
    courseId: { type: String, required: true },
    collegeOrgId: { type: String, required: true },
    startsOn: { type: String, required: true },
    endsOn: { type: String, required: true },
    location: { type: Schema.Types.Mixed, required: true },
    seats: { type: Number, required: true },
    slotSpace: { type: Number, required: true },
    seatsLeft: { type: Number, required: true },
    schedule: String,
    status: { type: String, required: true },
    course: { type: Schema.Types.Mixed, required: true },
    createdAt: { type: Date, required: true },
    updatedAt: { type: Date, required: true },
    idempotency: idempotencySchemaPath,
  },
  { versionKey: false, minimize: false },
);
cohortSchema.index({ courseId: 1, startsOn: 1, _id: 1 });
// the catalogue: open cohorts by start date, filtered by province and occupation
cohortSchema.index({ status: 1, startsOn: 1, _id: 1 });
cohortSchema.index({ 'location.provinceCode': 1, status: 1, startsOn: 1 });

export const cohortModel = (connection: Connection): Model<CohortDocument> =>
  connection.models.cohorts ?? connection.model<CohortDocument>('cohorts', cohortSchema, 'cohorts');
