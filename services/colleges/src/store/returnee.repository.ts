import { findEachById } from '@hoanhap/kit';
import type { Connection } from 'mongoose';
import type { ReturneeView } from '../domain/colleges.types';
import { returneeModel } from './returnee.model';

const toView = (d: { _id: string; revision: number; collegeView?: ReturneeView['collegeView'] }): ReturneeView => ({
  returneeId: d._id,
  revision: d.revision,
  ...(d.collegeView ? { collegeView: d.collegeView } : {}),
});

/** The consented college views of returnees; one writer per returnee (the Kafka partition of its key). */
export function returneeRepository(connection: Connection) {
  const model = returneeModel(connection);
  return {
    init: () => model.init(),
    find: async (returneeId: string) => {
      const document = await model.findById(returneeId).lean();
      return document ? toView(document) : undefined;
    },
    findMany: async (ids: string[]) => (await findEachById(ids, (id) => model.findById(id).lean())).map(toView),
    /** Replaces the view; without a college view (consent revoked) the stored one is removed. */
    save: async (view: ReturneeView) => {
      const document = { _id: view.returneeId, revision: view.revision, updatedAt: new Date(), ...(view.collegeView ? { collegeView: view.collegeView } : {}) };
      await model.replaceOne({ _id: view.returneeId }, document, { upsert: true });
    },
  };
}

export type ReturneeRepository = ReturnType<typeof returneeRepository>;
