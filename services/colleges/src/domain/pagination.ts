import { decodeCursor as decodeWith, encodeCursor as encode } from '@hoanhap/kit';
import type { Page } from './colleges.types';

export { clampLimit } from '@hoanhap/kit';

/** Where the previous page ended: the sort value and the id of its last item (a keyset cursor). */
export interface PagePosition {
  value: string | Date;
  id: string;
}

export const encodeCursor = (position: PagePosition): string =>
  encode([position.value instanceof Date ? { d: position.value.toISOString() } : position.value, position.id]);

export const decodeCursor = (cursor: string | undefined): PagePosition | undefined =>
  decodeWith(cursor, (position) => {
    const [value, id] = Array.isArray(position) ? (position as unknown[]) : [];
    if (typeof id !== 'string') return undefined;
    if (typeof value === 'string') return { value, id };
    const iso = (value as { d?: unknown } | null)?.d;
    return typeof iso === 'string' && !Number.isNaN(Date.parse(iso)) ? { value: new Date(iso), id } : undefined;
  });

/** A page of `items` (already cut to the limit), with a cursor when `more` follow. */
export function pageOf<T>(items: T[], more: boolean, positionOf: (item: T) => PagePosition): Page<T> {
  const last = items[items.length - 1];
  return { items, nextCursor: more && last ? encodeCursor(positionOf(last)) : null };
}
