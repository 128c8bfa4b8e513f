import type { Connection } from 'mongoose';
import type { AggregateStore } from '@hoanhap/events';
import type { Enrolment, EnrolmentStatus } from '../domain/colleges.types';
import type { PagePosition } from '../domain/pagination';
import { aggregateWriter } from './aggregate-writer';
import { definedOnly, fromDoc } from './documents';
import { enrolmentModel } from './enrolment.model';
import { pageQuery } from './page-query';

export function enrolmentRepository(connection: Connection, store: AggregateStore<Record<string, unknown>>) {
  const model = enrolmentModel(connection);
  const one = async (filter: Record<string, unknown>) => {
    const document = await model.findOne(filter).lean();
    return document ? fromDoc<Enrolment>(document) : undefined;
  };
  return {
    init: () => model.init(),
    /** The only way to write an enrolment; a new one whose (cohort, returnee) exists fails with code 11000. */
    ...aggregateWriter<Enrolment>(store),
    findById: (id: string) => one({ _id: id }),
    findByCohortAndReturnee: (cohortId: string, returneeId: string) => one({ cohortId, returneeId }),
    findByReferral: (referralId: string) => one({ referralId }),
    /** The waiting list of a cohort, first come first served. */
    waitlist: async (cohortId: string, limit = 50) =>
      (await model.find({ cohortId, status: 'waitlisted' }).sort({ waitlistedAt: 1, _id: 1 }).limit(limit).lean()).map((d) => fromDoc<Enrolment>(d)),
    inStatuses: async (cohortId: string, statuses: EnrolmentStatus[]) =>
      (await model.find({ cohortId, status: { $in: statuses } }).lean()).map((d) => fromDoc<Enrolment>(d)),
    countInStatus: (cohortId: string, status: EnrolmentStatus) => model.countDocuments({ cohortId, status }),
    /** How many are ahead of `enrolment` on its cohort's waiting list. */
    aheadOnWaitlist: (enrolment: Enrolment) =>
      model.countDocuments({
        cohortId: enrolment.cohortId,
        status: 'waitlisted',
        $or: [{ waitlistedAt: { $lt: enrolment.waitlistedAt } }, { waitlistedAt: enrolment.waitlistedAt, _id: { $lt: enrolment.id } }],
      }),
    pageOfCourse: async (courseId: string, filter: { cohortId?: string; status?: EnrolmentStatus }, limit: number, after?: PagePosition) => {
      const { documents, more } = await pageQuery(model, definedOnly({ courseId, ...filter }), 'createdAt', limit, after);
      return { items: documents.map((d) => fromDoc<Enrolment>(d)), more };
    },
  };
}

export type EnrolmentRepository = ReturnType<typeof enrolmentRepository>;
