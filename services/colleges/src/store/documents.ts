/**
 * Documents keep the domain's field names with `_id` for `id`; these two
 * helpers are the whole mapping, so repositories return plain objects.
 */
export type Doc<T extends { id: string }> = Omit<T, 'id'> & { _id: string };

export function fromDoc<T extends { id: string }>(document: Doc<T> & { idempotency?: unknown }): T {
  // the outbox's own fields (pending events, applied ids) and the idempotency record are not the domain's
  const { _id, idempotency: _idempotency, _outbox: _pending, _applied: _done, ...rest } = document as Doc<T> & Record<string, unknown>;
  return { id: _id, ...rest } as unknown as T;
}

export function toDoc<T extends { id: string }>(value: T): Doc<T> {
  const { id, ...rest } = value;
  return { _id: id, ...rest } as Doc<T>;
}

export const isDuplicateKey = (error: unknown) => (error as { code?: number } | null)?.code === 11000;

/** Drops undefined values so a filter object only holds what was asked for. */
export const definedOnly = (filter: Record<string, unknown>) => Object.fromEntries(Object.entries(filter).filter(([, v]) => v !== undefined));
