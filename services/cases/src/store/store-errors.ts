import { AppError } from '@hoanhap/kit';

/** Where an event comes from in a business flow (packages/events' EventTrace). */
export interface Trace {
  correlationId: string;
  causationId?: string;
}

/** Shaped like the driver's duplicate-key error, which createOnce and the use cases recognise. */
export const duplicateKey = () => Object.assign(new Error('E11000 duplicate key: the aggregate already exists'), { code: 11000 });

/** The store's "exists" (a taken _id or another unique key) as the duplicate-key error createOnce expects. */
export function asDuplicateKey(error: unknown): never {
  if ((error as { code?: unknown } | null)?.code === 'EVENTS.AGGREGATE_EXISTS') throw duplicateKey();
  throw error;
}

/** A change function ran for an aggregate that does not exist; the use case has already answered 404. */
export const notStored = (id: string) => new AppError('STORE.NOT_FOUND', 404, `no aggregate ${id}`);
