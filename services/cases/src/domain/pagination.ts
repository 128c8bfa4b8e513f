import { AppError } from '@hoanhap/kit';

export const DEFAULT_LIMIT = 50;
export const MAX_LIMIT = 200;

export interface Page<T> {
  items: T[];
  nextCursor: string | null;
}

/** Limits above the maximum are clamped, not refused: a client asking for "all" gets the largest page. */
export const clampLimit = (limit: number | undefined) => Math.min(Math.max(limit ?? DEFAULT_LIMIT, 1), MAX_LIMIT);

/**
 * Lists sort newest first on `sortKey` = createdAt (ISO) + id, unique and stable while rows are added; the
 * cursor is the last row's sortKey, opaque to clients.
 */
export const sortKeyOf = (createdAt: string, id: string) => `${createdAt}|${id}`;
export const encodeCursor = (sortKey: string) => Buffer.from(sortKey).toString('base64url');

export function decodeCursor(cursor: string | undefined): string | undefined {
  if (cursor === undefined) return undefined;
  const value = Buffer.from(cursor, 'base64url').toString('utf8');
  if (!/^\d{4}-\d{2}-\d{2}T[\d:.]+Z\|[0-9a-f-]{36}$/.test(value)) {
    throw new AppError('REQUEST.CURSOR_INVALID', 400, 'cursor is not one this service returned', {
      errors: [{ field: 'cursor', in: 'query', rule: 'cursor', message: 'not a cursor this service returned' }],
    });
  }
  return value;
}

/** A page from `limit + 1` rows sorted by sortKey: the extra row only says there is more. */
export function pageOf<T extends { sortKey: string }, U>(rows: T[], limit: number, map: (row: T) => U): Page<U> {
  const items = rows.slice(0, limit);
  const last = items.at(-1);
  return { items: items.map(map), nextCursor: rows.length > limit && last ? encodeCursor(last.sortKey) : null };
}
