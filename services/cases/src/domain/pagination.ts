import { decodeCursor as decodeWith, encodeCursor as encode, type Page } from '@hoanhap/kit';

export { clampLimit, type Page } from '@hoanhap/kit';

/**
 * Lists sort newest first on `sortKey` = createdAt (ISO) + id, unique and stable while rows are added; the
 * cursor is the last row's sortKey, opaque to clients.
 */
export const sortKeyOf = (createdAt: string, id: string) => `${createdAt}|${id}`;
const SORT_KEY = /^\d{4}-\d{2}-\d{2}T[\d:.]+Z\|[0-9a-f-]{36}$/;

export const decodeCursor = (cursor: string | undefined): string | undefined =>
  decodeWith(cursor, (position) => (typeof position === 'string' && SORT_KEY.test(position) ? position : undefined));

/** A page from `limit + 1` rows sorted by sortKey: the extra row only says there is more. */
export function pageOf<T extends { sortKey: string }, U>(rows: T[], limit: number, map: (row: T) => U): Page<U> {
  const items = rows.slice(0, limit);
  const last = items.at(-1);
  return { items: items.map(map), nextCursor: rows.length > limit && last ? encode(last.sortKey) : null };
}
