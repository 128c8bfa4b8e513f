import { decodeCursor as decodeWith, encodeCursor as encode } from '@hoanhap/kit';
import type { PagePosition } from './loans.context';

export { clampLimit } from '@hoanhap/kit';

/** An opaque keyset cursor: (createdAt, id) of the last item of the previous page. */
export const encodeCursor = (position: PagePosition): string => encode([position.createdAt, position.id]);

export const decodeCursor = (cursor: string | undefined): PagePosition | undefined =>
  decodeWith(cursor, (position) => {
    const [createdAt, id] = Array.isArray(position) ? (position as unknown[]) : [];
    return typeof createdAt === 'string' && typeof id === 'string' && !Number.isNaN(Date.parse(createdAt)) ? { createdAt, id } : undefined;
  });
