import type { Connection } from 'mongoose';
import { ignoreDuplicate, ignoreMissingCollection } from '@hoanhap/kit';
import type { Place } from '../domain/fact.types';

interface PlaceDocument extends Place {
  _id: string;
}

/**
 * Where each returnee lives now, learnt from `registered` and `transferred` only: most events name a returnee
 * by id alone (privacy rule), and the figures are per commune. One consumer writes it, serially.
 */
export function placeRepository(connection: Connection) {
  const places = connection.collection<PlaceDocument>('returnee_places');
  return {
    async placeOf(returneeId: string): Promise<Place | undefined> {
      const doc = await places.findOne({ _id: returneeId });
      return doc ? { provinceCode: doc.provinceCode, communeCode: doc.communeCode } : undefined;
    },
    /** First registration wins (insert-only); a later transfer moves it. */
    async registered(returneeId: string, place: Place): Promise<void> {
      await places.insertOne({ _id: returneeId, provinceCode: place.provinceCode, communeCode: place.communeCode }).catch(ignoreDuplicate);
    },
    async moved(returneeId: string, place: Place): Promise<void> {
      await places.updateOne({ _id: returneeId }, { $set: { provinceCode: place.provinceCode, communeCode: place.communeCode } }, { upsert: true });
    },
    /** Dropped, not deleted: FerretDB 1.24 fails `deleteMany({})` on a large collection (too many SQL variables). */
    async clear(): Promise<void> {
      await places.drop().catch(ignoreMissingCollection);
    },
  };
}

export type PlaceRepository = ReturnType<typeof placeRepository>;
