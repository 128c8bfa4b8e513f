import type { AggregateStore } from '@hoanhap/events';
import type { IdempotencyRecord } from '@hoanhap/kit';
import type { OutgoingEvent } from '../domain/outgoing-event';
import type { Returnee } from '../domain/returnee';
import { HIDDEN, queryOf, stateOf, toReturnee, type ReturneeFilter, type ReturneeState } from './returnee.model';
import { asDuplicateKey, notStored, type Trace } from './store-errors';

export type { ReturneeFilter, ReturneeState } from './returnee.model';

/**
 * Returnee files, one aggregate document each (packages/events' store: one writer per file, the file and its
 * events in one document write). Reads return plain objects.
 */
export function returneeRepository(store: AggregateStore<ReturneeState>) {
  const collection = store.collection;
  const visible = { pendingImport: { $exists: false } };
  const page = async (query: Record<string, unknown>, limit: number, after?: string) => {
    if (after) query.sortKey = { $lt: after };
    const rows = await collection
      .find(query, { projection: HIDDEN })
      .sort({ sortKey: -1 })
      .limit(limit + 1)
      .toArray();
    return rows.map((row) => ({ sortKey: row.sortKey as string, returnee: toReturnee(row) }));
  };
  return {
    init: async () => {
      await collection.createIndex({ nationalIdKey: 1 }, { unique: true });
      await collection.createIndex({ nameKey: 1 });
      await collection.createIndex({ 'address.provinceCode': 1, sortKey: -1 });
      await collection.createIndex({ 'transfer.to.provinceCode': 1 });
      await collection.createIndex({ pendingImport: 1 });
    },
    /** Creates a file; an existing id (an Idempotency-Key race) or national ID fails with code 11000. */
    insert: async (
      r: Returnee,
      events: OutgoingEvent[],
      trace: Trace,
      extra: Pick<ReturneeState, 'pendingImport' | 'idempotency'> = {},
    ) => {
      // an insert without a read (FerretDB 1.x scans for every read by _id); a taken id or unique key is code 11000
      await store.create(r.id, () => ({ next: stateOf(r, extra), events }), trace).catch(asDuplicateKey);
    },
    /** Runs `fn` on the file as its only writer and stores the file it returns with its events. */
    change: async (id: string, trace: Trace, fn: (current: Returnee | null) => Promise<{ file: Returnee; events: OutgoingEvent[] }>) => {
      let saved: Returnee | undefined;
      await store.change(
        id,
        async (current) => {
          const visibleState = current && !current.pendingImport ? current : undefined;
          const { file, events } = await fn(visibleState ? toReturnee({ _id: id, ...visibleState }) : null);
          if (!current) throw notStored(id);
          saved = file;
          return { next: stateOf(file, { idempotency: current.idempotency, pendingImport: current.pendingImport }), events };
        },
        trace,
      );
      return saved!;
    },
    /**
     * Runs `work` as the file's only writer without changing it: what must not interleave with a change of
     * the file (a referral checked against its consent) runs here.
     */
    withLock: async <T>(id: string, trace: Trace, work: (current: Returnee | null) => Promise<T>): Promise<T> => {
      let result: T | undefined;
      await store.change(
        id,
        async (current) => {
          result = await work(current && !current.pendingImport ? toReturnee({ _id: id, ...current }) : null);
          // the same object back: the store writes nothing
          return { next: current as ReturneeState };
        },
        trace,
      );
      return result as T;
    },
    idempotencyRecord: async (id: string) =>
      (await collection.findOne({ _id: id }, { projection: { idempotency: 1 } }))?.idempotency as IdempotencyRecord | undefined,
    findById: async (id: string) => {
      const doc = await collection.findOne({ _id: id, ...visible }, { projection: HIDDEN });
      return doc ? toReturnee(doc) : null;
    },
    findIdByNationalId: async (nationalId: string) =>
      ((await collection.findOne({ nationalIdKey: nationalId }, { projection: { _id: 1 } }))?._id as string | undefined) ?? null,
    findIdsByNationalIds: async (nationalIds: string[]) =>
      (await collection.find({ nationalIdKey: { $in: nationalIds } }, { projection: { _id: 1, nationalIdKey: 1 } }).toArray()).map((d) => ({
        id: d._id,
        nationalId: d.nationalIdKey as string,
      })),
    findByNameKey: async (nameKey: string) =>
      (
        await collection
          .find({ nameKey, status: { $ne: 'deleted' }, ...visible }, { projection: HIDDEN })
          .limit(20)
          .toArray()
      ).map(toReturnee),
    page: (filter: ReturneeFilter, limit: number, after?: string) => page(queryOf(filter), limit, after),
    count: (filter: ReturneeFilter) => collection.countDocuments(queryOf(filter)),
    /** Files of a province (not deleted) that reached a milestone (dot notation: FerretDB 1.x ignores $elemMatch in counts). */
    countWithMilestone: (provinceCode: string, kind: string) =>
      collection.countDocuments({ ...queryOf({ provinceCode }), 'milestones.kind': kind }),
    /** Files of a province (not deleted) recorded with an offence category. */
    countWithOffence: (provinceCode: string, offenceCategory: string) =>
      collection.countDocuments({ ...queryOf({ provinceCode }), offenceCategory }),
    /** Files moving into a province (any for an admin), waiting for its officer. */
    pendingTransfersTo: (provinceCode: string | undefined, limit: number, after?: string) =>
      page({ status: 'transfer-pending', ...visible, ...(provinceCode && { 'transfer.to.provinceCode': provinceCode }) }, limit, after),
    /** Import batches: committing makes a file visible, with its events; removing takes back a failed import. */
    commitImport: async (id: string, trace: Trace, fn: (file: Returnee) => { file: Returnee; events: OutgoingEvent[] }) => {
      await store.change(
        id,
        (current) => {
          if (!current?.pendingImport) return { next: current as ReturneeState };
          const { file, events } = fn(toReturnee({ _id: id, ...current }));
          return { next: stateOf(file), events };
        },
        trace,
      );
    },
    pendingImports: async () =>
      (
        await collection.find({ pendingImport: { $exists: true } }, { projection: { _id: 1, pendingImport: 1, createdAt: 1 } }).toArray()
      ).map((d) => ({
        id: d._id,
        batchId: d.pendingImport as string,
        createdAt: d.createdAt as string,
      })),
    removePendingImport: async (batchId: string) => (await collection.deleteMany({ pendingImport: batchId })).deletedCount,
    store,
  };
}

export type ReturneeRepository = ReturnType<typeof returneeRepository>;
