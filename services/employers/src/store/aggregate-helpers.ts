import type { AggregateStore } from '@hoanhap/events';
import type { mongo } from 'mongoose';
import type { CreatedAtPosition as PagePosition } from '@hoanhap/kit';

/** The bookkeeping fields an aggregate document carries besides its state; never returned. */
export const HIDDEN_FIELDS = { _outbox: 0, _applied: 0, idempotency: 0, keyedChanges: 0 } as const;

/** What an insert over an existing `_id` raises, so createOnce and callers treat both alike. */
export const duplicateKeyError = (id: string) => Object.assign(new Error(`${id} already exists`), { code: 11000 });

export const isDuplicateKey = (error: unknown) => (error as { code?: number } | null)?.code === 11000;

/**
 * Drops undefined members: the driver would store them as null, and a null
 * `closesAt` is not a missing one for `$exists` queries or for the code.
 */
export function compact<T extends object>(value: T): T {
  return Object.fromEntries(Object.entries(value).filter(([, v]) => v !== undefined)) as T;
}

/** Drops undefined values, so an absent filter matches everything. */
export const defined = (filter: Record<string, unknown>) => compact(filter);

/** The state of a stored aggregate document, without `_id` and the hidden fields. */
export function stateOf<S>(document: Record<string, unknown>): S {
  const { _id, _outbox, _applied, idempotency: _idempotency, keyedChanges: _keyedChanges, ...state } = document;
  return state as S;
}

/**
 * One page, newest first, in (createdAt, _id) order after `after`: a keyset
 * cursor, so pages stay stable while documents are added (no skip/offset).
 * Reads one document more than asked to know whether another page follows.
 */
export async function pageQuery<S>(
  collection: mongo.Collection<never>,
  filter: Record<string, unknown>,
  limit: number,
  after?: PagePosition,
): Promise<{ items: S[]; more: boolean }> {
  const position = after
    ? { $or: [{ createdAt: { $lt: after.createdAt } }, { createdAt: after.createdAt, _id: { $lt: after.id } }] }
    : undefined;
  const query = position ? { $and: [filter, position] } : filter;
  const documents = await collection
    .find(query, { projection: HIDDEN_FIELDS })
    .sort({ createdAt: -1, _id: -1 })
    .limit(limit + 1)
    .toArray();
  return { items: documents.slice(0, limit).map((d) => stateOf<S>(d)), more: documents.length > limit };
}

/** The raw collection of a store, loosely typed for queries. */
export const collectionOf = (store: AggregateStore<object>) => store.collection as unknown as mongo.Collection<never>;
