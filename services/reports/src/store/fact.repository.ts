import type { Connection } from 'mongoose';
import type { Fact, NewFact, Place } from '../domain/fact.types';
import { ignoreDuplicate } from '@hoanhap/kit';
import type { PlaceRepository } from './place.repository';

/** One figure: a metric's sum in one commune and month. */
export interface FigureRow {
  metric: string;
  communeCode: string;
  month: string;
  sum: number;
}

export interface FactFilter {
  provinceCode?: string;
  communeCode?: string;
  from?: string;
  to: string;
}

/**
 * The facts collection. Writes are inserts only (atomic, guarded by the unique `_id` on FerretDB), plus the
 * one-time `$set` of a place on facts that arrived before their returnee's registration (those returnees are
 * marked in `unplaced_returnees`); reads are one `$match` + `$group` with `$sum` (the accumulators FerretDB 1.x has).
 */
export function factRepository(connection: Connection, places: PlaceRepository) {
  const facts = connection.collection<Fact>('facts');
  // returnees with facts recorded before their place was known
  const unplaced = connection.collection<{ _id: string }>('unplaced_returnees');

  const toDocument = (f: NewFact, place: Place | undefined): Fact => {
    const { place: _given, ...rest } = f;
    return { ...rest, month: f.on.slice(0, 7), provinceCode: place?.provinceCode ?? null, communeCode: place?.communeCode ?? null };
  };

  /**
   * Facts recorded without a place: their returnee is marked (a document keyed by `_id`), and then the place is
   * read again, once per returnee, since the registration may have landed between the first read and the
   * insert. A registration writes the place and then looks for the mark (placeReturnee), so one of the two
   * always sees the other.
   */
  async function placeFacts(docs: Fact[]): Promise<void> {
    const waiting = new Map<string, Fact[]>();
    for (const doc of docs) if (!doc.provinceCode && doc.returneeId) waiting.set(doc.returneeId, [...(waiting.get(doc.returneeId) ?? []), doc]);
    for (const [returneeId, theirs] of waiting) {
      await unplaced.insertOne({ _id: returneeId }).catch(ignoreDuplicate);
      const place = await places.placeOf(returneeId);
      if (!place) continue;
      for (const doc of theirs) {
        // read, then written, by `_id` alone: FerretDB 1.x reads the whole collection for any other filter
        const stored = await facts.findOne({ _id: doc._id }, { projection: { provinceCode: 1 } });
        if (stored && (stored.provinceCode ?? null) === null) await facts.updateOne({ _id: doc._id }, { $set: place });
      }
    }
  }

  return {
    async init(): Promise<void> {
      await facts.createIndex({ returneeId: 1 });
    },
    async record(newFacts: NewFact[]): Promise<void> {
      if (newFacts.length === 0) return;
      const docs: Fact[] = [];
      for (const f of newFacts) docs.push(toDocument(f, f.place ?? (f.returneeId ? await places.placeOf(f.returneeId) : undefined)));
      await facts.insertMany(docs, { ordered: false }).catch(ignoreDuplicate);
      await placeFacts(docs);
    },
    /**
     * Facts counted before the returnee's place was known get it now. Most registrations come before any
     * fact of their returnee: one read by `_id` finds no mark, and the facts are not scanned (on FerretDB 1.x
     * the update by `returneeId` reads and decodes every fact).
     */
    async placeReturnee(returneeId: string, place: Place): Promise<void> {
      if (!(await unplaced.findOne({ _id: returneeId }))) return;
      await facts.updateMany({ returneeId, provinceCode: null }, { $set: place });
      // a fact recorded after this update reads the place itself (placeFacts)
      await unplaced.deleteOne({ _id: returneeId });
    },
    async figures(filter: FactFilter): Promise<FigureRow[]> {
      const match: Record<string, unknown> = { provinceCode: filter.provinceCode ?? { $ne: null }, on: { $lte: filter.to, ...(filter.from && { $gte: filter.from }) } };
      if (filter.communeCode) match.communeCode = filter.communeCode;
      const rows = await facts
        .aggregate<{ _id: { m: string; c: string; mo: string }; sum: number }>([
          { $match: match },
          // `$sum: '$n'` only: FerretDB 1.24 answers 0 for a constant `$sum: 1` (measured), so counts are facts with n = 1
          { $group: { _id: { m: '$metric', c: '$communeCode', mo: '$month' }, sum: { $sum: '$n' } } },
        ])
        .toArray();
      return rows.map((r) => ({ metric: r._id.m, communeCode: r._id.c, month: r._id.mo, sum: r.sum }));
    },
    async clear(): Promise<void> {
      await facts.deleteMany({});
      await unplaced.deleteMany({});
    },
  };
}

export type FactRepository = ReturnType<typeof factRepository>;
