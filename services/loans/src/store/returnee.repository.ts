import type { Connection } from 'mongoose';
import type { ReturneeFacts } from '../domain/eligibility/eligibility.types';
import type { ReturneeRepository } from '../domain/loans.context';
import { findEachById, isDuplicateKey } from '@hoanhap/kit';

type ReturneeDoc = ReturneeFacts & { _id: string };

/**
 * The bankView facts per returnee, highest revision wins. One consumer per partition (key = returneeId) is
 * the only writer of a returnee; the revision guard makes a redelivered older revision a no-op: its upsert
 * finds no document with a lower revision, tries to insert and meets the unique _id.
 */
export function returneeRepository(connection: Connection): ReturneeRepository {
  const collection = connection.collection<ReturneeDoc>('returnees');
  return {
    async get(returneeId) {
      const doc = await collection.findOne({ _id: returneeId });
      if (!doc) return undefined;
      const { _id, ...facts } = doc;
      return facts;
    },
    async getMany(returneeIds) {
      if (returneeIds.length === 0) return new Map();
      const docs = await findEachById(returneeIds, (id) => collection.findOne({ _id: id }));
      return new Map(docs.map(({ _id, ...facts }) => [_id, facts]));
    },
    async save(facts) {
      try {
        await collection.replaceOne({ _id: facts.returneeId, revision: { $lt: facts.revision } }, { ...facts }, { upsert: true });
      } catch (error) {
        if (!isDuplicateKey(error)) throw error;
      }
    },
  };
}
