import type { Connection } from 'mongoose';
import { createAggregateLocks, createAggregateStore, type AggregateStore, type LockRedis } from '@hoanhap/events';
import { findEachById, type IdempotencyRecord } from '@hoanhap/kit';
import type { LoanApplication } from '../domain/application.types';
import type { ApplicationFilter, ApplicationRepository, PagePosition, StoredApplication } from '../domain/loans.context';
import { errors } from '../domain/loans.errors';

const COLLECTION = 'applications';
/**
 * Each borrower's applications per purpose, by `_id` (`r:<returneeId>|<purpose>`, `e:<employerOrgId>|<purpose>`):
 * FerretDB 1.x on SQLite pushes down only a filter on `_id` (FerretDB#3235), so `{ returneeId, purpose, status }`
 * decoded every application in the table for every evaluation — the fault run's loans answered nothing for minutes.
 * An id goes in before its application is written (an id without an application is skipped), never out: the
 * statuses are read from the applications themselves.
 */
const BORROWERS = 'application_borrowers';
const BACKFILLED = '#backfilled-v1';

type Borrower = { returneeId?: string; employerOrgId?: string };
const borrowerKey = (borrower: Borrower, purpose: string) =>
  borrower.returneeId ? `r:${borrower.returneeId}|${purpose}` : `e:${borrower.employerOrgId}|${purpose}`;

/** What the store adds to the state: the outbox and applied event ids stay out of every answer. */
function stateOf(doc: Record<string, unknown>): StoredApplication {
  const { _id, _outbox, _applied, ...state } = doc;
  return state as unknown as StoredApplication;
}

const duplicateKey = () => Object.assign(new Error('application exists'), { code: 11000 });

/** Busy or lost locks are the caller's to retry: 503 with Retry-After, never a 500. */
async function mapBusy<T>(work: () => Promise<T>): Promise<T> {
  try {
    return await work();
  } catch (error) {
    const code = (error as { code?: unknown }).code;
    if (code === 'EVENTS.AGGREGATE_BUSY' || code === 'EVENTS.LOCK_EXPIRED') throw errors.busy();
    throw error;
  }
}

function query(filter: ApplicationFilter): Record<string, unknown> {
  const q: Record<string, unknown> = {};
  if (filter.branchOrgId !== undefined) q.branchOrgId = filter.branchOrgId;
  if (filter.provinceCode !== undefined) q.provinceCode = filter.provinceCode;
  if (filter.employerOrgId !== undefined) q.employerOrgId = filter.employerOrgId;
  if (filter.createdByUserId !== undefined) q['createdBy.userId'] = filter.createdByUserId;
  if (filter.returneeId !== undefined) q.returneeId = filter.returneeId;
  if (filter.status !== undefined) q.status = filter.status;
  if (filter.excludeDrafts) q.status = filter.status === 'draft' ? '-' : (filter.status ?? { $ne: 'draft' });
  return q;
}

/**
 * Applications on packages/events' aggregate store: one document each, changed by one writer at a time
 * (Redis lock), the pending events embedded in the same write (FerretDB has no transactions and
 * non-atomic updates, ARCHITECTURE §7).
 */
export function applicationRepository(connection: Connection, redis: LockRedis, redisPrefix: string) {
  const store: AggregateStore<StoredApplication> = createAggregateStore<StoredApplication>({ connection, collection: COLLECTION, redis, redisPrefix });
  const collection = connection.collection(COLLECTION);
  const borrowers = connection.collection(BORROWERS);
  // FerretDB 1.x applies `$addToSet` as a read then a write, so two creates for one borrower at once could each
  // write the list it read and lose the other's id (a test saw it). One writer per borrower and purpose, across
  // instances, as for the applications themselves.
  const borrowerLocks = createAggregateLocks(redis, `${redisPrefix}loans:borrower-lock:`, 10_000);
  // staying locked is EVENTS.AGGREGATE_BUSY, which create's mapBusy answers as 503 LOAN.BUSY
  const remember = (application: Borrower & { id: string; purpose: string }) => {
    const key = borrowerKey(application, application.purpose);
    return borrowerLocks.exclusive(key, 5_000, () =>
      borrowers.updateOne({ _id: key as never }, { $addToSet: { ids: application.id } }, { upsert: true }),
    );
  };

  const repository: ApplicationRepository & { store: AggregateStore<StoredApplication>; init(): Promise<void> } = {
    store,
    async init() {
      await collection.createIndex({ branchOrgId: 1, createdAt: 1, _id: 1 });
      await collection.createIndex({ provinceCode: 1, createdAt: 1, _id: 1 });
      await collection.createIndex({ employerOrgId: 1, createdAt: 1, _id: 1 });
      await collection.createIndex({ returneeId: 1, purpose: 1 });
      await collection.createIndex({ referralId: 1 });
      await collection.createIndex({ status: 1 });
      // applications written before the borrower index existed: one scan, once
      if (!(await borrowers.findOne({ _id: BACKFILLED as never }))) {
        const all = collection.find({}, { projection: { _id: 1, returneeId: 1, employerOrgId: 1, purpose: 1 } });
        for await (const doc of all) await remember({ ...(doc as unknown as Borrower & { purpose: string }), id: String(doc._id) });
        await borrowers.updateOne({ _id: BACKFILLED as never }, { $set: { at: new Date() } }, { upsert: true });
      }
    },
    create: (application, events, trace) =>
      mapBusy(async () => {
        await remember(application);
        // an insert without a read (FerretDB 1.x scans for a read by _id); createOnce reads an existing id as 11000
        await store.create(application.id, () => ({ next: application, events }), trace).catch((error: unknown) => {
          throw (error as { code?: unknown }).code === 'EVENTS.AGGREGATE_EXISTS' ? duplicateKey() : error;
        });
      }),
    change: (id, fn, trace) =>
      mapBusy(() =>
        store.change(
          id,
          async (current) => {
            if (!current) throw errors.notFound(id);
            return fn(current);
          },
          trace,
        ),
      ),
    get: async (id) => {
      const state = await store.get(id);
      return state ? stateOf(state as unknown as Record<string, unknown>) : undefined;
    },
    findIdempotency: async (id) => ((await collection.findOne({ _id: id as never }, { projection: { idempotency: 1 } })) as { idempotency?: IdempotencyRecord } | null)?.idempotency,
    async page(filter, limit, after?: PagePosition) {
      const base = query(filter);
      const q = after ? { $and: [base, { $or: [{ createdAt: { $gt: after.createdAt } }, { createdAt: after.createdAt, _id: { $gt: after.id } }] }] } : base;
      const docs = await collection.find(q).sort({ createdAt: 1, _id: 1 }).limit(limit + 1).toArray();
      return { items: docs.slice(0, limit).map((d) => stateOf(d as Record<string, unknown>) as LoanApplication), more: docs.length > limit };
    },
    async idsFor(borrower, purpose, statuses) {
      const entry = (await borrowers.findOne({ _id: borrowerKey(borrower, purpose) as never })) as { ids?: string[] } | null;
      return findEachById(entry?.ids ?? [], async (id) => {
        const state = await store.get(id);
        return state && statuses.includes(state.status) ? id : null;
      });
    },
    async idsWithStatus(statuses) {
      return (await collection.find({ status: { $in: statuses } }, { projection: { _id: 1 } }).toArray()).map((d) => String(d._id));
    },
    async idsByReferral(referralId) {
      return (await collection.find({ referralId }, { projection: { _id: 1 } }).toArray()).map((d) => String(d._id));
    },
  };
  return repository;
}

export type LoansApplicationRepository = ReturnType<typeof applicationRepository>;
