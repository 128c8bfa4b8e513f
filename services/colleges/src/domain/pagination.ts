import { AppError } from '@hoanhap/kit';
import type { Page } from './colleges.types';

export const DEFAULT_LIMIT = 50;
export const MAX_LIMIT = 200;

/** Where the previous page ended: the sort value and the id of its last item (a keyset cursor). */
export interface PagePosition {
  value: string | Date;
  id: string;
}

/** Limits above the maximum are clamped, not refused (ARCHITECTURE §6). */
export const clampLimit = (limit: number | undefined) => Math.min(Math.max(limit ?? DEFAULT_LIMIT, 1), MAX_LIMIT);

export function encodeCursor(position: PagePosition): string {
  const value = position.value instanceof Date ? { d: position.value.toISOString() } : position.value;
  return Buffer.from(JSON.stringify([value, position.id])).toString('base64url');
}

export function decodeCursor(cursor: string | undefined): PagePosition | undefined {
  if (cursor === undefined) return undefined;
  try {
    const [value, id] = JSON.parse(Buffer.from(cursor, 'base64url').toString('utf8')) as [unknown, unknown];
    if (typeof id === 'string' && typeof value === 'string') return { value, id };
    const iso = (value as { d?: unknown } | null)?.d;
    if (typeof id === 'string' && typeof iso === 'string' && !Number.isNaN(Date.parse(iso))) return { value: new Date(iso), id };
  } catch {
    // falls through to the 400 below
  }
  const message = 'cursor is not one this service returned';
  throw new AppError('REQUEST.CURSOR_INVALID', 400, message, { errors: [{ field: 'cursor', in: 'query', rule: 'format', message }] });
}

/** A page of `items` (already cut to the limit), with a cursor when `more` follow. */
export function pageOf<T>(items: T[], more: boolean, positionOf: (item: T) => PagePosition): Page<T> {
  const last = items[items.length - 1];
  return { items, nextCursor: more && last ? encodeCursor(positionOf(last)) : null };
}
