import type { AggregateStore } from '@hoanhap/events';
import { lookupKeys, lookupLists, type IdempotencyRecord } from '@hoanhap/kit';
import type { Connection } from 'mongoose';
import type { OutgoingEvent } from '../domain/outgoing-event';
import type { Returnee } from '../domain/returnee';
import { HIDDEN, queryOf, stateOf, toReturnee, type ReturneeFilter, type ReturneeState } from './returnee.model';
import { sortKeyPage } from './sort-key-page';
import { asDuplicateKey, notStored, type Trace } from './store-errors';

export type { ReturneeFilter, ReturneeState } from './returnee.model';

/** At most this many possible duplicates are shown for one name and birth date. */
const DUPLICATES_SHOWN = 20;

/**
 * Returnee files, one aggregate document each (packages/events' store: one writer per file, the file and its
 * events in one document write). Reads return plain objects.
 *
 * A registration looks for the national ID and for files of the same name and birth date. FerretDB 1.x answers
 * `{ nationalIdKey }` and `{ nameKey }` by decoding every file, so both go through lookups read by `_id` (kit):
 * `returnee_national_ids` (one key per national ID, claimed before the file is written; the unique index still
 * decides) and `returnee_names` (the files of each name and birth date, added before the file is written). Each
 * file found is read and checked, so an entry left by an edit or a failed write finds nothing.
 */
export function returneeRepository(store: AggregateStore<ReturneeState>, connection: Connection) {
  const collection = store.collection;
  const visible = { pendingImport: { $exists: false } };
  const nationalIds = lookupKeys(connection, 'returnee_national_ids');
  const names = lookupLists(connection, 'returnee_names');
  const keysOf = (state: ReturneeState) => ({
    nationalId: state.nationalIdKey.startsWith('none:') ? undefined : state.nationalIdKey,
    name: state.nameKey,
  });
  /** Before a file is written with `state`: its national ID claimed and its name listed. */
  const claimKeys = async (id: string, state: ReturneeState) => {
    const { nationalId, name } = keysOf(state);
    if (nationalId) await nationalIds.claim(nationalId, id);
    await names.add(name, id);
  };
  const confirmKeys = async (id: string, state: ReturneeState) => {
    const { nationalId } = keysOf(state);
    if (nationalId) await nationalIds.confirm(nationalId, id);
  };
  const scanNationalId = (nationalId: string) =>
    collection.findOne({ nationalIdKey: nationalId }, { projection: { _id: 1, nationalIdKey: 1 } });
  const holderOfNationalId = (nationalId: string) =>
    nationalIds.findHolder(nationalId, {
      readById: (id) => collection.findOne({ _id: id }, { projection: { _id: 1, nationalIdKey: 1 } }),
      holds: (doc) => doc.nationalIdKey === nationalId,
      scan: () => scanNationalId(nationalId),
      idOf: (doc) => doc._id as string,
    });
  const page = (query: Record<string, unknown>, limit: number, after?: string) =>
    sortKeyPage(collection, query, limit, after, HIDDEN, (doc) => ({ sortKey: doc.sortKey as string, returnee: toReturnee(doc) }));
  return {
    init: async () => {
      await collection.createIndex({ nationalIdKey: 1 }, { unique: true });
      await collection.createIndex({ nameKey: 1 });
      await collection.createIndex({ 'address.provinceCode': 1, sortKey: -1 });
      await collection.createIndex({ 'transfer.to.provinceCode': 1 });
      await collection.createIndex({ pendingImport: 1 });
      // the lookups of files written before they existed, once
      const stored = () => collection.find({}, { projection: { _id: 1, nationalIdKey: 1, nameKey: 1 } });
      await nationalIds.backfill(async function* () {
        for await (const doc of stored()) {
          if (!String(doc.nationalIdKey).startsWith('none:')) yield { key: doc.nationalIdKey as string, holderId: doc._id as string };
        }
      });
      await names.backfill(async function* () {
        for await (const doc of stored()) yield { key: doc.nameKey as string, holderId: doc._id as string };
      });
    },
    /** Creates a file; an existing id (an Idempotency-Key race) or national ID fails with code 11000. */
    insert: async (
      r: Returnee,
      events: OutgoingEvent[],
      trace: Trace,
      extra: Pick<ReturneeState, 'pendingImport' | 'idempotency'> = {},
    ) => {
      // an insert without a read (FerretDB 1.x scans for every read by _id); a taken id or unique key is code 11000
      const state = stateOf(r, extra);
      await claimKeys(r.id, state);
      await store.create(r.id, () => ({ next: state, events }), trace).catch(asDuplicateKey);
      await confirmKeys(r.id, state);
    },
    /** Runs `fn` on the file as its only writer and stores the file it returns with its events. */
    change: async (id: string, trace: Trace, fn: (current: Returnee | null) => Promise<{ file: Returnee; events: OutgoingEvent[] }>) => {
      let saved: Returnee | undefined;
      let rekeyed: ReturneeState | undefined;
      await store.change(
        id,
        async (current) => {
          const visibleState = current && !current.pendingImport ? current : undefined;
          const { file, events } = await fn(visibleState ? toReturnee({ _id: id, ...visibleState }) : null);
          if (!current) throw notStored(id);
          saved = file;
          const next = stateOf(file, { idempotency: current.idempotency, pendingImport: current.pendingImport });
          // an edited national ID, name or birth date: the new lookups before the write (the old ones find nothing then)
          if (next.nationalIdKey !== current.nationalIdKey || next.nameKey !== current.nameKey) {
            await claimKeys(id, next);
            rekeyed = next;
          }
          return { next, events };
        },
        trace,
      );
      if (rekeyed) await confirmKeys(id, rekeyed);
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
    /** The file holding this national ID (pending imports too: the unique index counts them), by its key. */
    findIdByNationalId: async (nationalId: string) => ((await holderOfNationalId(nationalId))?._id as string | undefined) ?? null,
    /** The same by the query itself, the key mended: after the unique index refused a write, whose key may lag. */
    findIdByNationalIdScanning: async (nationalId: string) =>
      ((
        await nationalIds.scanHolder(
          nationalId,
          () => scanNationalId(nationalId),
          (doc) => doc._id as string,
        )
      )?._id as string | undefined) ?? null,
    /** The same for many IDs (an import), 20 at a time. */
    findIdsByNationalIds: async (ids: string[]) => {
      const found: { id: string; nationalId: string }[] = [];
      for (let i = 0; i < ids.length; i += 20) {
        const holders = await Promise.all(ids.slice(i, i + 20).map(holderOfNationalId));
        for (const doc of holders) if (doc) found.push({ id: doc._id as string, nationalId: doc.nationalIdKey as string });
      }
      return found;
    },
    /** Visible, undeleted files of this name and birth date (possible duplicates), through the names' lookup. */
    findByNameKey: async (nameKey: string) => {
      const files = await Promise.all(
        (await names.holdersOf(nameKey)).map((id) => collection.findOne({ _id: id }, { projection: HIDDEN })),
      );
      return files
        .filter((doc) => doc && doc.nameKey === nameKey && doc.status !== 'deleted' && doc.pendingImport === undefined)
        .slice(0, DUPLICATES_SHOWN)
        .map((doc) => toReturnee(doc!));
    },
    page: (filter: ReturneeFilter, limit: number, after?: string) => page(queryOf(filter), limit, after),
    /**
     * The figures of a province's files (not deleted) in one read: by status, grade, offence category and the
     * milestones each file reached. One count per value was ~30 counts a call, and on FerretDB 1.x each count
     * decodes the whole collection; this reads it once, only the four fields it counts.
     */
    tallyProvince: async (provinceCode: string) => {
      const tally = {
        byStatus: new Map<string, number>(),
        byGrade: new Map<string, number>(),
        byOffence: new Map<string, number>(),
        byMilestone: new Map<string, number>(),
      };
      const add = (counts: Map<string, number>, key: unknown) => typeof key === 'string' && counts.set(key, (counts.get(key) ?? 0) + 1);
      const files = collection.find(queryOf({ provinceCode }), {
        projection: { _id: 0, status: 1, grade: 1, offenceCategory: 1, milestones: 1 },
      });
      for await (const file of files) {
        add(tally.byStatus, file.status);
        add(tally.byGrade, file.grade);
        add(tally.byOffence, file.offenceCategory);
        const reached = new Set(((file.milestones ?? []) as { kind?: unknown }[]).map((m) => m.kind));
        for (const kind of reached) add(tally.byMilestone, kind);
      }
      return tally;
    },
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
