import type { AggregateStore } from '@hoanhap/events';
import { countByValue, lookupLists, type IdempotencyRecord } from '@hoanhap/kit';
import type { Connection } from 'mongoose';
import type { OutgoingEvent } from '../domain/outgoing-event';
import { sortKeyOf } from '../domain/pagination';
import { OPEN_STATUSES } from '../domain/referral.rules';
import { REFERRAL_STATUSES, type Referral, type ReferralKind, type ReferralStatus } from '../domain/referral.types';
import { sortKeyPage } from './sort-key-page';
import { asDuplicateKey, notStored, type Trace } from './store-errors';

export interface ReferralState extends Omit<Referral, 'id'> {
  sortKey: string;
  idempotency?: IdempotencyRecord;
}

export interface ReferralFilter {
  returneeId?: string;
  status?: ReferralStatus;
  provinceCode?: string;
}

const HIDDEN = { _outbox: 0, _applied: 0, idempotency: 0 } as const;

function toReferral(doc: Record<string, unknown>): Referral {
  const { _id, sortKey: _s, idempotency: _i, _outbox, _applied, ...referral } = doc;
  return { id: _id as string, ...(referral as Omit<Referral, 'id'>) };
}

const stateOf = ({ id, ...referral }: Referral, idempotency?: IdempotencyRecord): ReferralState =>
  JSON.parse(
    JSON.stringify({ ...referral, sortKey: sortKeyOf(referral.createdAt, id), ...(idempotency && { idempotency }) }),
  ) as ReferralState;

/**
 * Referrals, one aggregate document each (one writer per referral, its events in the same write). The referrals
 * of each returnee are also listed in `referrals_by_returnee` (kit's lookupLists, added before the referral is
 * written), so that withdrawing them on a revocation or a deletion reads them by `_id`: FerretDB 1.x answers
 * `{ returneeId, status }` by decoding every referral, and it runs while the returnee's file is locked.
 */
export function referralRepository(store: AggregateStore<ReferralState>, connection: Connection) {
  const collection = store.collection;
  const byReturnee = lookupLists(connection, 'referrals_by_returnee');
  /** The returnee's referrals through their list, each read by `_id` (an entry whose referral is missing finds nothing). */
  const referralsOf = async (returneeId: string) => {
    const docs = await Promise.all((await byReturnee.holdersOf(returneeId)).map((id) => collection.findOne({ _id: id }, { projection: HIDDEN })));
    return docs
      .flatMap((doc) => (doc ? [{ sortKey: doc.sortKey as string, referral: toReferral(doc) }] : []))
      .filter(({ referral }) => referral.returneeId === returneeId);
  };
  const page = (query: Record<string, unknown>, limit: number, after?: string) =>
    sortKeyPage(collection, query, limit, after, HIDDEN, (doc) => ({ sortKey: doc.sortKey as string, referral: toReferral(doc) }));
  return {
    init: async () => {
      await collection.createIndex({ returneeId: 1, sortKey: -1 });
      await collection.createIndex({ provinceCode: 1, sortKey: -1 });
      await collection.createIndex({ provinceCode: 1, unreadAnswer: 1 });
      await collection.createIndex({ provinceCode: 1, status: 1, changedAt: 1 });
      // the lists of referrals written before they existed, once
      await byReturnee.backfill(async function* () {
        for await (const doc of collection.find({}, { projection: { _id: 1, returneeId: 1 } })) yield { key: doc.returneeId as string, holderId: doc._id as string };
      });
    },
    insert: async (r: Referral, events: OutgoingEvent[], trace: Trace, idempotency?: IdempotencyRecord) => {
      await byReturnee.add(r.returneeId, r.id);
      // an insert without a read (FerretDB 1.x scans for every read by _id); a taken id or unique key is code 11000
      await store.create(r.id, () => ({ next: stateOf(r, idempotency), events }), trace).catch(asDuplicateKey);
    },
    /**
     * Runs `fn` on the referral as its only writer; `applyOnce` (a consumed eventId) makes a redelivered
     * event change nothing, recorded in the same write. `fn` returning null writes nothing.
     */
    change: async (
      id: string,
      trace: Trace & { applyOnce?: string },
      fn: (current: Referral | null) => Promise<{ referral: Referral; events: OutgoingEvent[] } | null>,
    ): Promise<Referral | null> => {
      let saved: Referral | null = null;
      await store.change(
        id,
        async (current) => {
          const outcome = await fn(current ? toReferral({ _id: id, ...current }) : null);
          if (!outcome) return { next: current as ReferralState };
          if (!current) throw notStored(id);
          saved = outcome.referral;
          return { next: stateOf(outcome.referral, current.idempotency), events: outcome.events };
        },
        trace,
      );
      return saved;
    },
    idempotencyRecord: async (id: string) =>
      (await collection.findOne({ _id: id }, { projection: { idempotency: 1 } }))?.idempotency as IdempotencyRecord | undefined,
    findById: async (id: string) => {
      const doc = await collection.findOne({ _id: id }, { projection: HIDDEN });
      return doc ? toReferral(doc) : null;
    },
    page: async (filter: ReferralFilter, limit: number, after?: string) => {
      // one returnee's referrals (their file's list): through the returnee's list, each by `_id`, newest first
      if (filter.returneeId) {
        const { status, provinceCode } = filter;
        return (await referralsOf(filter.returneeId))
          .filter(({ referral: r }) => (!status || r.status === status) && (!provinceCode || r.provinceCode === provinceCode))
          .filter(({ sortKey }) => !after || sortKey < after)
          .sort((a, b) => (a.sortKey < b.sortKey ? 1 : a.sortKey > b.sortKey ? -1 : 0))
          .slice(0, limit + 1);
      }
      const query: Record<string, unknown> = {};
      if (filter.returneeId) query.returneeId = filter.returneeId;
      if (filter.status) query.status = filter.status;
      if (filter.provinceCode) query.provinceCode = filter.provinceCode;
      return page(query, limit, after);
    },
    /** The officer's inbox: answers not looked at yet, and open referrals unchanged since `staleBefore`. */
    inbox: (provinceCode: string | undefined, staleBefore: string, limit: number, after?: string) =>
      page(
        {
          ...(provinceCode && { provinceCode }),
          $or: [{ unreadAnswer: true }, { status: { $in: OPEN_STATUSES }, changedAt: { $lt: staleBefore } }],
        },
        limit,
        after,
      ),
    /** The returnee's open referrals (of one kind), through the returnee's list and each by `_id`. */
    openOf: async (returneeId: string, kind?: ReferralKind) =>
      (await referralsOf(returneeId))
        .map(({ referral }) => referral)
        .filter((r) => OPEN_STATUSES.includes(r.status) && (!kind || r.target.kind === kind)),
    /**
     * Counts by status for one province, in one read of the status field (FerretDB 1.x has few aggregation
     * accumulators, and each count would decode the whole collection again).
     */
    countByStatus: (provinceCode: string) =>
      countByValue(collection.find({ provinceCode }, { projection: { _id: 0, status: 1 } }), 'status', REFERRAL_STATUSES),
  };
}

export type ReferralRepository = ReturnType<typeof referralRepository>;
