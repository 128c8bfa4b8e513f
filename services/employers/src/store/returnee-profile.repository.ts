import type { Connection } from 'mongoose';
import type { ReturneeProfile } from '../domain/returnee-profile.types';
import { HIDDEN_FIELDS, isDuplicateKey, stateOf } from './aggregate-helpers';
import { findEachById } from '@hoanhap/kit';

interface ProfileDocument extends Omit<ReturneeProfile, 'returneeId'> {
  _id: string;
}

/**
 * The returnee read model. Kafka keys profile events by returnee id, so one
 * consumer handles a given returnee at a time: one writer per document.
 */
export function returneeProfileRepository(connection: Connection) {
  const collection = connection.collection<ProfileDocument>('returnee_profiles');
  const toProfile = (document: ProfileDocument): ReturneeProfile => ({
    ...stateOf<Omit<ReturneeProfile, 'returneeId'>>({ ...document }),
    returneeId: document._id,
  });
  return {
    init: async () => undefined,
    /**
     * Stores the profile if its revision is newer than the one held; false
     * for an older or repeated revision (the upsert's insert then collides
     * with the existing `_id`).
     */
    saveIfNewer: async ({ returneeId, ...profile }: ReturneeProfile) => {
      try {
        const result = await collection.replaceOne({ _id: returneeId, revision: { $lt: profile.revision } }, profile, { upsert: true });
        return result.modifiedCount + result.upsertedCount > 0;
      } catch (error) {
        if (isDuplicateKey(error)) return false;
        throw error;
      }
    },
    findById: async (returneeId: string) => {
      const document = await collection.findOne({ _id: returneeId }, { projection: HIDDEN_FIELDS });
      return document ? toProfile(document) : undefined;
    },
    findByIds: async (ids: string[]) =>
      (await findEachById(ids, (id) => collection.findOne({ _id: id }, { projection: HIDDEN_FIELDS }))).map(toProfile),
  };
}

export type ReturneeProfileRepository = ReturnType<typeof returneeProfileRepository>;
