import { type Connection, type Model, Schema } from 'mongoose';
import type { AuditEntry } from './audit-entry';

/** A stored row: the entry, keyed by its position (audit-log.ts rowId). */
export interface AuditRow extends AuditEntry {
  _id: string;
}

const auditSchema = new Schema<AuditRow>(
  {
    // the position as a string (audit-log.ts rowId): the one filter FerretDB 1.x answers without a full read
    _id: { type: String },
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
// The chain position: two writers that read the same head race for one seq, and the unique index lets one win
// (also over rows written before `_id` was the position).
auditSchema.index({ seq: 1 }, { unique: true });
auditSchema.index({ 'resource.type': 1, 'resource.id': 1, seq: -1 });
auditSchema.index({ 'actor.id': 1, seq: -1 });
auditSchema.index({ at: 1 });

export function auditModel(connection: Connection, collection: string): Model<AuditRow> {
  return (connection.models[collection] as Model<AuditRow> | undefined) ?? connection.model<AuditRow>(collection, auditSchema, collection);
}

/** A row's position and hash; null for the head of an empty chain. */
export type Head = { seq: number; hash: string } | null;

/**
 * A row's `_id` is its position in the chain, as a string: FerretDB 1.x reads by `_id` in SQL only when the
 * filter is that one string (or ObjectId) key, and reads the whole collection for any other filter or sort.
 */
export const rowId = (seq: number): string => String(seq);

/** The row at `seq` (its position and hash), read by `_id`; null when there is none so keyed. */
export const rowAt = (model: Model<AuditRow>, seq: number): Promise<Head> => model.findOne({ _id: rowId(seq) }, { _id: 0, seq: 1, hash: 1 }).lean<Head>();
