import { createHash } from 'node:crypto';
import { Schema } from 'mongoose';

/**
 * What a resource created under an Idempotency-Key carries, in the same
 * document: the request's fingerprint and the reply that was (or would have
 * been) sent, so a retry gets the same status and body.
 */
export interface IdempotencyRecord {
  fingerprint: string;
  status: number;
  body: unknown;
}

/**
 * The mongoose path for the record (`idempotency: idempotencySchemaPath` in a
 * schema). Not selected by default, so repositories do not leak it.
 */
export const idempotencySchemaPath = { type: Schema.Types.Mixed, select: false, required: false } as const;

/** Key-order-independent JSON, so `{a,b}` and `{b,a}` are the same request. */
function canonical(value: unknown): string {
  if (Array.isArray(value)) return `[${value.map(canonical).join(',')}]`;
  if (value instanceof Date) return JSON.stringify(value.toISOString());
  if (typeof value === 'object' && value !== null) {
    const entries = Object.entries(value).filter(([, v]) => v !== undefined);
    return `{${entries
      .sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0))
      .map(([k, v]) => `${JSON.stringify(k)}:${canonical(v)}`)
      .join(',')}}`;
  }
  return JSON.stringify(value) ?? 'null';
}

/** sha256 of the request's canonical JSON. */
export function fingerprint(request: unknown): string {
  return createHash('sha256').update(canonical(request)).digest('hex');
}

/**
 * The id of the resource a keyed create makes: a UUID (version 8, RFC 9562)
 * derived from resource kind, caller scope and key. Because the id is the
 * `_id`, the database's own unique index makes a second insert for the same
 * key fail, on FerretDB as on MongoDB, without any transaction.
 */
export function idempotentId(resource: string, scope: string, key: string): string {
  const hex = createHash('sha256').update(`${resource}\u0000${scope}\u0000${key}`).digest('hex');
  const variant = ((parseInt(hex[16]!, 16) & 0x3) | 0x8).toString(16);
  return `${hex.slice(0, 8)}-${hex.slice(8, 12)}-8${hex.slice(13, 16)}-${variant}${hex.slice(17, 20)}-${hex.slice(20, 32)}`;
}
