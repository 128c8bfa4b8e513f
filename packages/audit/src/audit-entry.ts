import { createHash } from 'node:crypto';

/** What a caller records: who did what to which resource, and why (Law 91/2025: sensitive data access is logged). */
export interface AuditInput {
  actor: { id: string; role: string; orgId?: string };
  /** What happened, e.g. `returnee.read`, `consent.updated`, `user.created`. */
  action: string;
  resource: { type: string; id: string };
  /** Why, e.g. `case-management`, `referral`, `data-subject-request`. */
  purpose: string;
  correlationId?: string;
  details?: Record<string, unknown>;
  /** When; now by default. */
  at?: Date;
}

/** One row of the chain. */
export interface AuditEntry extends AuditInput {
  /** Position in the chain, from 1, without gaps. */
  seq: number;
  at: Date;
  /** The previous row's hash (64 zeros for the first row). */
  prevHash: string;
  /** sha256 over this row's content and `prevHash`. */
  hash: string;
}

export const GENESIS_HASH = '0'.repeat(64);

function canonical(value: unknown): string {
  if (value instanceof Date) return JSON.stringify(value.toISOString());
  if (Array.isArray(value)) return `[${value.map(canonical).join(',')}]`;
  if (typeof value === 'object' && value !== null) {
    const keys = Object.keys(value)
      .filter((k) => (value as Record<string, unknown>)[k] !== undefined && (value as Record<string, unknown>)[k] !== null)
      .sort();
    return `{${keys.map((k) => `${JSON.stringify(k)}:${canonical((value as Record<string, unknown>)[k])}`).join(',')}}`;
  }
  return JSON.stringify(value) ?? 'null';
}

/**
 * The row's hash. Only the fields listed here are covered, in a canonical
 * (sorted, null-free) form, so a round trip through the database — key
 * order, `null` for absent — does not change it.
 */
export function hashEntry(entry: Omit<AuditEntry, 'hash'>): string {
  const { seq, at, actor, action, resource, purpose, correlationId, details, prevHash } = entry;
  const covered = { seq, at, actor: { id: actor.id, role: actor.role, orgId: actor.orgId }, action, resource: { type: resource.type, id: resource.id }, purpose, correlationId, details, prevHash };
  return createHash('sha256').update(canonical(covered)).digest('hex');
}
