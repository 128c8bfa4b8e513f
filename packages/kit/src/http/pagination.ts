import { AppError } from '../errors/app-error';

/** Lists answer 50 items unless asked, at most 200: a larger limit is clamped, not refused (ARCHITECTURE §6). */
export const DEFAULT_LIMIT = 50;
export const MAX_LIMIT = 200;
export const clampLimit = (limit: number | undefined): number => Math.min(Math.max(limit ?? DEFAULT_LIMIT, 1), MAX_LIMIT);

export interface Page<T> {
  items: T[];
  nextCursor: string | null;
}

/** An opaque keyset cursor: where the previous page ended (its last item's sort value and id), as base64url JSON. */
export const encodeCursor = (position: unknown): string => Buffer.from(JSON.stringify(position)).toString('base64url');

/**
 * The position a cursor holds, when `read` recognises it (undefined: no cursor, the first page); anything
 * else — not base64url JSON, or not a position this service writes — is a 400 naming the query field.
 */
export function decodeCursor<P>(cursor: string | undefined, read: (position: unknown) => P | undefined): P | undefined {
  if (cursor === undefined) return undefined;
  let position: P | undefined;
  try {
    position = read(JSON.parse(Buffer.from(cursor, 'base64url').toString('utf8')));
  } catch {
    // not JSON: refused below
  }
  if (position !== undefined) return position;
  const message = 'cursor is not one this service returned';
  throw new AppError('REQUEST.CURSOR_INVALID', 400, message, { errors: [{ field: 'cursor', in: 'query', rule: 'format', message }] });
}

/** The most common sort: newest first by creation time, then id. */
export interface CreatedAtPosition {
  createdAt: Date;
  id: string;
}

/** A cursor that `pageByCreatedAt` wrote, read back (400 for anything else). */
export const decodeCreatedAtCursor = (cursor: string | undefined): CreatedAtPosition | undefined =>
  decodeCursor(cursor, (position) => {
    if (!Array.isArray(position) || position.length !== 2) return undefined;
    const [iso, id] = position as unknown[];
    const createdAt = typeof iso === 'string' ? new Date(iso) : undefined;
    return createdAt && !Number.isNaN(createdAt.getTime()) && typeof id === 'string' ? { createdAt, id } : undefined;
  });

/** A page of `items` (already cut to the limit) sorted by creation, with a cursor after the last when `more` follow. */
export function pageByCreatedAt<T extends CreatedAtPosition>(items: T[], more: boolean): Page<T> {
  const last = items[items.length - 1];
  return { items, nextCursor: more && last ? encodeCursor([last.createdAt.toISOString(), last.id]) : null };
}
