import type { EventEnvelope } from '@hoanhap/contracts';
import { EventsError } from '../errors';

/**
 * How an aggregate is stored: its state's fields at the top level (so that
 * services can query them), plus the events not yet known to be published
 * and the ids of the events already applied (for `applyOnce`).
 */
export interface AggregateDocument {
  _id: string;
  _outbox: EventEnvelope[];
  _applied: string[];
  [field: string]: unknown;
}

const RESERVED = ['_id', '_outbox', '_applied'] as const;

/** The state part of a stored document. */
export function stateOf<S>(doc: AggregateDocument): S {
  const { _id, _outbox, _applied, ...state } = doc;
  return state as S;
}

export function assertNoReservedFields(state: unknown): void {
  if (typeof state !== 'object' || state === null || Array.isArray(state)) throw new TypeError('an aggregate state must be an object');
  for (const field of RESERVED) {
    if (field in state) throw new EventsError('EVENTS.RESERVED_FIELD', `aggregate state must not have a '${field}' field`);
  }
}
