import type { Connection } from 'mongoose';

/** One call a test saw the driver make (mongoose's debug hook). */
export interface StoreCall {
  collection: string;
  method: string;
  filter: Record<string, unknown>;
}

/**
 * The calls `work` made on `collections` through `connection`, in order (mongoose's debug hook, set for the
 * time of `work` only). Tests use it to prove that a path reads by `_id` alone: FerretDB 1.x answers a filter
 * in SQL only when it is one string `_id`, and decodes the whole collection for any other.
 */
export async function storeCallsDuring<T>(
  connection: Connection,
  collections: readonly string[],
  work: () => Promise<T>,
): Promise<{ result: T; calls: StoreCall[] }> {
  const calls: StoreCall[] = [];
  connection.set('debug', (collection: string, method: string, filter: Record<string, unknown>) => {
    if (collections.includes(collection)) calls.push({ collection, method, filter });
  });
  try {
    return { result: await work(), calls };
  } finally {
    connection.set('debug', false);
  }
}

/** A read (find…, count…, aggregate, exists), not a write. */
export const isRead = (call: StoreCall) => /^(find|count|aggregate|exists|distinct)/.test(call.method);

/** One string `_id` and nothing else: the only filter FerretDB 1.x answers without decoding the collection. */
export const byIdOnly = (filter: Record<string, unknown>) => Object.keys(filter).join() === '_id' && typeof filter._id === 'string';

/** The reads among `calls` that FerretDB 1.x answers by decoding a whole collection. */
export const scanningReads = (calls: readonly StoreCall[]) => calls.filter((call) => isRead(call) && !byIdOnly(call.filter));
