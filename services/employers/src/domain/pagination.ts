import { errors } from './employers.errors';

export const DEFAULT_LIMIT = 50;
export const MAX_LIMIT = 200;

/** Where the previous page ended: the (createdAt, id) of its last item. */
export interface PagePosition {
  createdAt: Date;
  id: string;
}

export interface Page<T> {
  items: T[];
  nextCursor: string | null;
}

/** Limits above the maximum are clamped, not refused (ARCHITECTURE §6). */
export const clampLimit = (limit: number | undefined) => Math.min(Math.max(limit ?? DEFAULT_LIMIT, 1), MAX_LIMIT);

export function encodeCursor(position: PagePosition): string {
  return Buffer.from(JSON.stringify([position.createdAt.toISOString(), position.id])).toString('base64url');
}

export function decodeCursor(cursor: string | undefined): PagePosition | undefined {
  if (cursor === undefined) return undefined;
  try {
    const [createdAt, id] = JSON.parse(Buffer.from(cursor, 'base64url').toString('utf8')) as unknown[];
    const date = new Date(String(createdAt));
    if (typeof id === 'string' && typeof createdAt === 'string' && !Number.isNaN(date.getTime())) return { createdAt: date, id };
  } catch {
    // falls through to the 400 below
  }
  throw errors.invalid('REQUEST.CURSOR_INVALID', 'cursor', 'format', 'cursor is not one this service returned', 'query');
}

export function pageOf<T extends PagePosition>(items: T[], more: boolean): Page<T> {
  const last = items[items.length - 1];
  return { items, nextCursor: more && last ? encodeCursor(last) : null };
}
