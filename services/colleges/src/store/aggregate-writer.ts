import type { Model } from 'mongoose';
import type { AggregateWriter } from '../domain/colleges.context';
import { KeyedQueue } from '../domain/keyed-queue';
import { type Doc, fromDoc, toDoc } from './documents';
import type { Outbox } from './outbox';

/**
 * A writer per aggregate collection: one writer per aggregate id in this
 * process (a keyed queue), the whole document replaced, and a new aggregate
 * inserted (so unique indexes decide races). The idempotency record a keyed
 * create stored stays with the document.
 */
export function aggregateWriter<S extends { id: string }>(model: Model<Doc<S>>, outbox: Outbox): AggregateWriter<S> {
  const queue = new KeyedQueue();
  return {
    change: (id, fn, cause) =>
      queue.run(id, async () => {
        const document = (await model.findById(id).select('+idempotency').lean()) as (Doc<S> & { idempotency?: unknown }) | null;
        const current = document ? fromDoc<S>(document) : undefined;
        const { next, events = [] } = await fn(current);
        if (!next || (next === current && events.length === 0)) return current;
        const written = { ...toDoc(next), ...(document?.idempotency ? { idempotency: document.idempotency } : {}) };
        if (document) await model.replaceOne({ _id: id }, written);
        else await model.create(written);
        await outbox.written(events, cause);
        return next;
      }),
  };
}
