import type { AggregateDocument } from '@hoanhap/events';
import type { mongo } from 'mongoose';

/**
 * One page of a collection's documents matching `query`, newest first by `sortKey` (after the cursor's key
 * if any): `limit + 1` rows, the extra one only saying there is more (domain/pagination.ts pageOf).
 */
export async function sortKeyPage<T>(
  collection: mongo.Collection<AggregateDocument>,
  query: Record<string, unknown>,
  limit: number,
  after: string | undefined,
  projection: Record<string, 0>,
  map: (doc: Record<string, unknown>) => T,
): Promise<T[]> {
  const rows = await collection
    .find(after ? { ...query, sortKey: { $lt: after } } : query, { projection })
    .sort({ sortKey: -1 })
    .limit(limit + 1)
    .toArray();
  return rows.map(map);
}
