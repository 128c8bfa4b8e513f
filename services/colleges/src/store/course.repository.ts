import { findEachById, type IdempotencyRecord } from '@hoanhap/kit';
import type { Connection } from 'mongoose';
import type { Course } from '../domain/colleges.types';
import type { PagePosition } from '../domain/pagination';
import { courseModel } from './course.model';
import { fromDoc, toDoc } from './documents';
import { pageQuery } from './page-query';

export function courseRepository(connection: Connection) {
  const model = courseModel(connection);
  return {
    init: () => model.init(),
    /** One insert; a duplicate `_id` (code 11000) reaches the caller (createOnce relies on it). */
    insert: async (course: Course & { idempotency?: IdempotencyRecord }) => {
      await model.create(toDoc(course));
    },
    findIdempotency: async (id: string) => (await model.findById(id).select('+idempotency').lean())?.idempotency,
    findById: async (id: string) => {
      const document = await model.findById(id).lean();
      return document ? fromDoc<Course>(document) : undefined;
    },
    findMany: async (ids: string[]) => (await findEachById(ids, (id) => model.findById(id).lean())).map((d) => fromDoc<Course>(d)),
    /** Writes the whole course; callers serialise edits of one course (FerretDB updates are not atomic). */
    replace: async (course: Course) => {
      await model.updateOne({ _id: course.id }, { $set: toDoc(course) });
    },
    page: async (filter: { collegeOrgId?: string }, limit: number, after?: PagePosition) => {
      const { documents, more } = await pageQuery(model, filter.collegeOrgId ? { collegeOrgId: filter.collegeOrgId } : {}, 'createdAt', limit, after);
      return { items: documents.map((d) => fromDoc<Course>(d)), more };
    },
  };
}

export type CourseRepository = ReturnType<typeof courseRepository>;
