import type { Model } from 'mongoose';
import type { PagePosition } from '../domain/identity.types';

/**
 * One page in (createdAt, _id) order, starting after `after`: a keyset
 * cursor, so pages stay stable while documents are added (no skip/offset).
 * Reads one document more than asked to know whether another page follows.
 */
export async function pageQuery<D extends { _id: string; createdAt: Date }>(
  model: Model<D>,
  filter: Record<string, unknown>,
  limit: number,
  after?: PagePosition,
): Promise<{ documents: D[]; more: boolean }> {
  const query = after
    ? { ...filter, $or: [{ createdAt: { $gt: after.createdAt } }, { createdAt: after.createdAt, _id: { $gt: after.id } }] }
    : filter;
  const documents = (await model.find(query).sort({ createdAt: 1, _id: 1 }).limit(limit + 1).lean()) as D[];
  return { documents: documents.slice(0, limit), more: documents.length > limit };
}
