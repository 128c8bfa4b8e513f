import type { FilterQuery, Model } from 'mongoose';
import { AppError } from '@hoanhap/kit';
import type { AuditEntry } from './audit-entry';
import type { AuditRow } from './audit.model';

export interface AuditQuery {
  resourceType?: string;
  resourceId?: string;
  actorId?: string;
  /** Inclusive lower bound on `at`. */
  from?: Date;
  /** Exclusive upper bound on `at`. */
  to?: Date;
  /** Page size; above 200 is clamped. Default 50. */
  limit?: number;
  /** `nextCursor` of the previous page. */
  cursor?: string;
}

export interface AuditPage {
  items: AuditEntry[];
  nextCursor: string | null;
}

const MAX_LIMIT = 200;

function cursorSeq(cursor: string): number {
  const seq = Number(Buffer.from(cursor, 'base64url').toString());
  if (!Number.isSafeInteger(seq) || seq < 1) throw new AppError('AUDIT.CURSOR_INVALID', 400, 'the cursor is not one this service issued');
  return seq;
}

/** Newest first; the cursor is the last row's position, so pages stay stable while rows are appended. */
export async function queryAudit(model: Model<AuditRow>, query: AuditQuery = {}): Promise<AuditPage> {
  const limit = Math.min(Math.max(1, query.limit ?? 50), MAX_LIMIT);
  const filter: FilterQuery<AuditEntry> = {};
  if (query.resourceType) filter['resource.type'] = query.resourceType;
  if (query.resourceId) filter['resource.id'] = query.resourceId;
  if (query.actorId) filter['actor.id'] = query.actorId;
  if (query.from || query.to) filter.at = { ...(query.from && { $gte: query.from }), ...(query.to && { $lt: query.to }) };
  if (query.cursor) filter.seq = { $lt: cursorSeq(query.cursor) };
  const rows = await model.find(filter, { _id: 0 }).sort({ seq: -1 }).limit(limit + 1).lean();
  const items = rows.slice(0, limit) as AuditEntry[];
  const last = items[items.length - 1];
  return { items, nextCursor: rows.length > limit && last ? Buffer.from(String(last.seq)).toString('base64url') : null };
}
