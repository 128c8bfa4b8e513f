import type { Connection } from 'mongoose';
import type { College } from '../domain/colleges.types';
import { collegeModel } from './college.model';
import { fromDoc, toDoc } from './documents';
import { findEachById } from '@hoanhap/kit';

/** College profiles by organisation id; a PUT replaces the whole profile. */
export function collegeRepository(connection: Connection) {
  const model = collegeModel(connection);
  return {
    init: () => model.init(),
    save: async (college: College) => {
      await model.replaceOne({ _id: college.id }, toDoc(college), { upsert: true });
    },
    findById: async (id: string) => {
      const document = await model.findById(id).lean();
      return document ? fromDoc<College>(document) : undefined;
    },
    findMany: async (ids: string[]) => (await findEachById(ids, (id) => model.findById(id).lean())).map((d) => fromDoc<College>(d)),
  };
}

export type CollegeRepository = ReturnType<typeof collegeRepository>;
