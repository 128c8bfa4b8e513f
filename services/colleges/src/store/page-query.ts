import type { Model } from 'mongoose';
import type { PagePosition } from '../domain/pagination';

/**
 * One page in (sortField, _id) order after `after`: a keyset cursor, stable
 * while documents are added (no skip). Reads one more than asked to know
 * whether another page follows.
 */
export async function pageQuery<D extends { _id: string }>(
  model: Model<D>,
  filter: Record<string, unknown>,
  sortField: string,
  limit: number,
  after?: PagePosition,
): Promise<{ documents: D[]; more: boolean }> {
  const query = after
    ? { $and: [filter, { $or: [{ [sortField]: { $gt: after.value } }, { [sortField]: after.value, _id: { $gt: after.id } }] }] }
    : filter;
  const documents = (await model.find(query).sort({ [sortField]: 1, _id: 1 }).limit(limit + 1).lean()) as D[];
  return { documents: documents.slice(0, limit), more: documents.length > limit };
}
