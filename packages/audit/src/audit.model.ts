import { type Connection, type Model, Schema } from 'mongoose';
import type { AuditEntry } from './audit-entry';

const auditSchema = new Schema<AuditEntry>(
  {
    seq: { type: Number, required: true },
    at: { type: Date, required: true },
    actor: { id: { type: String, required: true }, role: { type: String, required: true }, orgId: String },
    action: { type: String, required: true },
    resource: { type: { type: String, required: true }, id: { type: String, required: true } },
    purpose: { type: String, required: true },
    correlationId: String,
    details: Schema.Types.Mixed,
    prevHash: { type: String, required: true },
    hash: { type: String, required: true },
  },
  { versionKey: false, minimize: false },
);
// The chain position: two writers that read the same head race for one seq, and the unique index lets one win.
auditSchema.index({ seq: 1 }, { unique: true });
auditSchema.index({ 'resource.type': 1, 'resource.id': 1, seq: -1 });
auditSchema.index({ 'actor.id': 1, seq: -1 });
auditSchema.index({ at: 1 });

export function auditModel(connection: Connection, collection: string): Model<AuditEntry> {
  return (connection.models[collection] as Model<AuditEntry> | undefined) ?? connection.model<AuditEntry>(collection, auditSchema, collection);
}
