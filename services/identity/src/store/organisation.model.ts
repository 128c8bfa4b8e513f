import { type Connection, type Model, Schema } from 'mongoose';
import { type IdempotencyRecord, idempotencySchemaPath } from '@hoanhap/kit';
import { ORGANISATION_KINDS, type OrganisationKind } from '../domain/identity.types';

export interface OrganisationDocument {
  _id: string;
  kind: OrganisationKind;
  name: string;
  provinceCode: string;
  communeCode?: string;
  createdAt: Date;
  idempotency?: IdempotencyRecord;
}

const organisationSchema = new Schema<OrganisationDocument>(
  {
    _id: { type: String, required: true },
    kind: { type: String, enum: ORGANISATION_KINDS, required: true },
    name: { type: String, required: true },
    provinceCode: { type: String, required: true },
    communeCode: { type: String, required: false },
    createdAt: { type: Date, required: true },
    idempotency: idempotencySchemaPath,
  },
  { versionKey: false },
);
// the list order (createdAt, _id) and its filters
organisationSchema.index({ createdAt: 1, _id: 1 });
organisationSchema.index({ kind: 1, createdAt: 1 });

export const organisationModel = (connection: Connection): Model<OrganisationDocument> =>
  connection.models.organisations ?? connection.model<OrganisationDocument>('organisations', organisationSchema, 'organisations');
