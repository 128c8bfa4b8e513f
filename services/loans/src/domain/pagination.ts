import { AppError } from '@hoanhap/kit';
import type { PagePosition } from './loans.context';

export const DEFAULT_LIMIT = 50;
export const MAX_LIMIT = 200;

/** Limits above the maximum are clamped, not refused. */
export const clampLimit = (limit: number | undefined) => Math.min(Math.max(limit ?? DEFAULT_LIMIT, 1), MAX_LIMIT);

/** An opaque keyset cursor: (createdAt, id) of the last item of the previous page. */
export const encodeCursor = (position: PagePosition): string => Buffer.from(JSON.stringify([position.createdAt, position.id])).toString('base64url');

export function decodeCursor(cursor: string | undefined): PagePosition | undefined {
  if (cursor === undefined) return undefined;
  try {
    const [createdAt, id] = JSON.parse(Buffer.from(cursor, 'base64url').toString('utf8')) as unknown[];
    if (typeof createdAt === 'string' && typeof id === 'string' && !Number.isNaN(Date.parse(createdAt))) return { createdAt, id };
  } catch {
    // falls through to the 400 below
  }
  throw new AppError('REQUEST.CURSOR_INVALID', 400, 'cursor is not one this service returned', {
    errors: [{ field: 'cursor', in: 'query', rule: 'format', message: 'cursor is not one this service returned' }],
  });
}
