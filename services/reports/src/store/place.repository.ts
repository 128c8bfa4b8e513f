import type { Connection } from 'mongoose';
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
    async clear(): Promise<void> {
      await places.deleteMany({});
    },
  };
}

export type PlaceRepository = ReturnType<typeof placeRepository>;

export function isDuplicateKey(error: unknown): boolean {
  const e = error as { code?: number; writeErrors?: { code?: number }[] };
  if (e?.code === 11000) return !e.writeErrors?.some((w) => w.code !== 11000);
  return Array.isArray(e?.writeErrors) && e.writeErrors.length > 0 && e.writeErrors.every((w) => w.code === 11000);
}

export function ignoreDuplicate(error: unknown): void {
  if (!isDuplicateKey(error)) throw error;
}
