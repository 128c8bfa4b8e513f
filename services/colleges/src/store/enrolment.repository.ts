import type { Connection } from 'mongoose';
import type { AggregateStore } from '@hoanhap/events';
import { type IndexRedis, redisIndex } from '@hoanhap/kit';
import type { AggregateWriter } from '../domain/colleges.context';
import type { Enrolment, EnrolmentStatus } from '../domain/colleges.types';
import type { PagePosition } from '../domain/pagination';
import { aggregateWriter } from './aggregate-writer';
import { definedOnly, fromDoc } from './documents';
import { enrolmentModel } from './enrolment.model';
import { pageQuery } from './page-query';

/** An entry whose enrolment was never written (a placement that failed) is dropped once older than this. */
const STALE_MS = 60_000;
/** Enrolments read at once while walking a waiting list. */
const BATCH = 20;

/**
 * Enrolments. Each cohort's waiting list is also kept in Redis (kit's redisIndex, scored by `waitlistedAt`), so
 * that settling a cohort reads its waiting people by `_id`: FerretDB 1.x answers `{ cohortId, status }` by
 * decoding every enrolment of every cohort. An enrolment joins the list before it is written as waitlisted
 * (only a `new` one becomes waitlisted); the reader checks each, and drops those that left the list.
 */
export function enrolmentRepository(connection: Connection, store: AggregateStore<Record<string, unknown>>, redis: IndexRedis, redisPrefix: string) {
  const model = enrolmentModel(connection);
  const one = async (filter: Record<string, unknown>) => {
    const document = await model.findOne(filter).lean();
    return document ? fromDoc<Enrolment>(document) : undefined;
  };
  const waitlistOf = (cohortId: string) => redisIndex(redis, `${redisPrefix}waitlist:${cohortId}`);
  const writer = aggregateWriter<Enrolment>(store);
  /** The waiting list of a cohort, first come first served (by `waitlistedAt`, then id), through its index. */
  const waitlist = async (cohortId: string, limit = 50) => {
    const index = waitlistOf(cohortId);
    const entries = await index.members(async function* () {
      const waiting = model.find({ cohortId, status: 'waitlisted' }, { _id: 1, waitlistedAt: 1 }).lean().cursor();
      for await (const d of waiting) yield { value: d._id as string, score: (d.waitlistedAt as Date | undefined)?.getTime() ?? 0 };
    });
    const found: Enrolment[] = [];
    for (let i = 0; i < entries.length && found.length < limit; i += BATCH) {
      const batch = entries.slice(i, i + BATCH);
      const documents = await Promise.all(batch.map((entry) => model.findById(entry.value).lean()));
      for (const [j, document] of documents.entries()) {
        if (document?.status === 'waitlisted' && document.cohortId === cohortId) found.push(fromDoc<Enrolment>(document));
        // `new` may still become waitlisted (its write is under way); the others never come back to the list
        else if (document ? document.status !== 'new' : batch[j]!.score < Date.now() - STALE_MS) await index.remove(batch[j]!.value);
      }
    }
    return found.slice(0, limit);
  };
  return {
    init: () => model.init(),
    /** The only way to write an enrolment; a new one whose (cohort, returnee) exists fails with code 11000. */
    change: ((id, fn, cause) =>
      writer.change(
        id,
        async (current) => {
          const changed = await fn(current);
          const next = changed.next;
          // on the list before the write: a reader may see one too many (it checks), never one too few
          if (next?.status === 'waitlisted' && current?.status !== 'waitlisted') {
            await waitlistOf(next.cohortId).add(next.id, (next.waitlistedAt ?? next.updatedAt).getTime());
          }
          return changed;
        },
        cause,
      )) satisfies AggregateWriter<Enrolment>['change'],
    /** Before a new cohort is stored: its waiting list is complete as it is, empty. */
    openWaitlist: (cohortId: string) => waitlistOf(cohortId).open(),
    findById: (id: string) => one({ _id: id }),
    findByCohortAndReturnee: (cohortId: string, returneeId: string) => one({ cohortId, returneeId }),
    findByReferral: (referralId: string) => one({ referralId }),
    waitlist,
    inStatuses: async (cohortId: string, statuses: EnrolmentStatus[]) =>
      (await model.find({ cohortId, status: { $in: statuses } }).lean()).map((d) => fromDoc<Enrolment>(d)),
    /** How many are ahead of `enrolment` on its cohort's waiting list (read through the list, each by `_id`). */
    aheadOnWaitlist: async (enrolment: Enrolment) => {
      const waiting = await waitlist(enrolment.cohortId, Number.MAX_SAFE_INTEGER);
      const at = waiting.findIndex((e) => e.id === enrolment.id);
      return at >= 0 ? at : waiting.length;
    },
    pageOfCourse: async (courseId: string, filter: { cohortId?: string; status?: EnrolmentStatus }, limit: number, after?: PagePosition) => {
      const { documents, more } = await pageQuery(model, definedOnly({ courseId, ...filter }), 'createdAt', limit, after);
      return { items: documents.map((d) => fromDoc<Enrolment>(d)), more };
    },
  };
}

export type EnrolmentRepository = ReturnType<typeof enrolmentRepository>;
