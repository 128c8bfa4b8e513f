import { randomUUID } from 'node:crypto';
import { type AggregateStore, newEvent } from '@hoanhap/events';
import { lockErrorAsBusy } from '@hoanhap/kit';
import type { AggregateWriter } from '../domain/colleges.context';

type State = Record<string, unknown>;

/** The stored state: the domain object without its id (the document's _id) and without empty fields. */
function toState(value: { id: string }, stored: State | undefined): State {
  const { id: _id, ...fields } = value as { id: string } & State;
  const state = Object.fromEntries(Object.entries(fields).filter(([, v]) => v !== undefined && v !== null));
  // a keyed create's idempotency record rides in the document; later changes keep it
  return stored?.idempotency && !state.idempotency ? { ...state, idempotency: stored.idempotency } : state;
}

function fromState<S>(id: string, state: State): S {
  const { idempotency: _record, ...fields } = state;
  return { id, ...fields } as S;
}

/**
 * The domain's writer over packages/events' aggregate store: the change and
 * its events go in ONE document write (the outbox the relay publishes from),
 * with one writer per aggregate across instances (in-process queue + Redis
 * lock). A new aggregate is an insert, so unique indexes still decide races.
 */
export function aggregateWriter<S extends { id: string }>(store: AggregateStore<State>): AggregateWriter<S> {
  return {
    change: async (id, fn, cause) => {
      try {
        const stored = await store.change(
          id,
          async (raw) => {
            const current = raw ? fromState<S>(id, raw) : undefined;
            const { next, events = [] } = await fn(current);
            if (!next || (next === current && events.length === 0)) return { next: raw as State };
            return { next: toState(next, raw), events: events.map((e) => newEvent(e.definition, e.payload, e.key)) };
          },
          { correlationId: cause.correlationId ?? randomUUID(), ...(cause.causationId ? { causationId: cause.causationId } : {}) },
        );
        return stored ? fromState<S>(id, stored) : undefined;
      } catch (error) {
        throw lockErrorAsBusy(error);
      }
    },
  };
}
