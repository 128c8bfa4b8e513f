import { type Connection, type Model, Schema } from 'mongoose';
import { type IdempotencyRecord, idempotencySchemaPath } from '@hoanhap/kit';
import { ROLES, type Role } from '@hoanhap/auth';
import type { UserStatus } from '../domain/identity.types';

export interface UserDocument {
  _id: string;
  email: string;
  name: string;
  role: Role;
  orgId: string;
  provinceCode: string;
  passwordHash: string;
  status: UserStatus;
  createdAt: Date;
  disabledAt?: Date;
  passwordChangedAt?: Date;
  idempotency?: IdempotencyRecord;
}

const userSchema = new Schema<UserDocument>(
  {
    _id: { type: String, required: true },
    email: { type: String, required: true },
    name: { type: String, required: true },
    role: { type: String, enum: ROLES, required: true },
    orgId: { type: String, required: true },
    provinceCode: { type: String, required: true },
    passwordHash: { type: String, required: true },
    status: { type: String, enum: ['active', 'disabled'], required: true },
    createdAt: { type: Date, required: true },
    disabledAt: { type: Date, required: false },
    passwordChangedAt: { type: Date, required: false },
    idempotency: idempotencySchemaPath,
  },
  { versionKey: false },
);
// The unique index IS the duplicate-email check: an insert is atomic on FerretDB, a read-then-insert is not.
userSchema.index({ email: 1 }, { unique: true });
userSchema.index({ createdAt: 1, _id: 1 });
userSchema.index({ orgId: 1, createdAt: 1 });

export const userModel = (connection: Connection): Model<UserDocument> =>
  connection.models.users ?? connection.model<UserDocument>('users', userSchema, 'users');
