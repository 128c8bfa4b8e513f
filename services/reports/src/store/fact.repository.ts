import type { Connection } from 'mongoose';
import type { Fact, NewFact, Place } from '../domain/fact.types';
import { ignoreDuplicate, ignoreMissingCollection } from '@hoanhap/kit';
import type { CountedFact, FigureCounters } from './figure-counters';
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
 * marked in `unplaced_returnees`). Each placed fact is also added to the figure counters in Redis (by its id,
 * so once); figures are read from those, or, while Redis has lost them, from one `$match` + `$group` with
 * `$sum` over the facts (the accumulators FerretDB 1.x has) while a rebuild counts them again.
 */
export function factRepository(connection: Connection, places: PlaceRepository, counters?: FigureCounters) {
  const facts = connection.collection<Fact>('facts');
  // returnees with facts recorded before their place was known
  const unplaced = connection.collection<{ _id: string }>('unplaced_returnees');
  // `dirty`: a fact could not be counted (Redis unreachable) and is in the facts only; cleared by a rebuild
  const counterState = connection.collection<{ _id: string; at?: Date }>('figure_counter_state');
  const DIRTY = 'dirty';

  const toDocument = (f: NewFact, place: Place | undefined): Fact => {
    const { place: _given, ...rest } = f;
    return { ...rest, month: f.on.slice(0, 7), provinceCode: place?.provinceCode ?? null, communeCode: place?.communeCode ?? null };
  };

  const counted = (f: Fact, place: Place): CountedFact => ({ _id: f._id, metric: f.metric, n: f.n, on: f.on, ...place });
  const placeOfFact = (f: Pick<Fact, 'provinceCode' | 'communeCode'>): Place | undefined =>
    f.provinceCode && f.communeCode ? { provinceCode: f.provinceCode, communeCode: f.communeCode } : undefined;
  /** A fact as counted under its stored place; none while it has no place. */
  const countedAsStored = (f: Fact): CountedFact[] => {
    const place = placeOfFact(f);
    return place ? [counted(f, place)] : [];
  };

  /** Every placed fact, as counted: what a rebuild of the counters reads (one pass over the collection). */
  async function* placedFacts(): AsyncIterable<CountedFact> {
    for await (const f of facts.find({}, { projection: { metric: 1, n: 1, on: 1, provinceCode: 1, communeCode: 1 } })) yield* countedAsStored(f);
  }

  /**
   * Adds placed facts to the counters. When Redis cannot be reached the facts stay stored (they are the truth)
   * and the counters are marked dirty in FerretDB, beside them: summaries are then counted from the facts until
   * a rebuild. Only if that mark cannot be written either does the handler fail (and its event is retried).
   */
  async function count(placed: CountedFact[]): Promise<void> {
    if (!counters || placed.length === 0) return;
    await counters.count(placed).catch(() => counterState.updateOne({ _id: DIRTY }, { $set: { at: new Date() } }, { upsert: true }));
  }

  // one rebuild at a time in this process; another instance's runs beside it harmlessly (counting is by id).
  // The counters stop answering first, then the dirty mark goes: a fact that fails to count after that marks
  // them dirty again, and a rebuild that fails half-way leaves them incomplete, so both are read from the facts.
  let rebuilding: Promise<unknown> | undefined;
  const rebuildCounters = () => {
    if (counters && !rebuilding) {
      rebuilding = (async () => {
        await counters.invalidate();
        await counterState.deleteOne({ _id: DIRTY });
        await counters.rebuild(placedFacts);
      })()
        .catch(() => undefined)
        .finally(() => (rebuilding = undefined));
    }
    return rebuilding;
  };
  const countersAnswer = async () => !!counters && (await counters.complete()) && !(await counterState.findOne({ _id: DIRTY }));

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
        const stored = await facts.findOne({ _id: doc._id }, { projection: { provinceCode: 1, communeCode: 1 } });
        if (!stored) continue;
        // counted before the place is written, so a crash in between is counted again (once) on redelivery; a
        // fact the registration placed meanwhile is counted here too, under the place it was given
        await count([counted(doc, placeOfFact(stored) ?? place)]);
        if ((stored.provinceCode ?? null) === null) await facts.updateOne({ _id: doc._id }, { $set: place });
      }
    }
  }

  return {
    async init(): Promise<void> {
      await facts.createIndex({ returneeId: 1 });
      if (!(await countersAnswer())) void rebuildCounters();
    },
    async record(newFacts: NewFact[]): Promise<void> {
      if (newFacts.length === 0) return;
      const docs: Fact[] = [];
      for (const f of newFacts) docs.push(toDocument(f, f.place ?? (f.returneeId ? await places.placeOf(f.returneeId) : undefined)));
      await facts.insertMany(docs, { ordered: false }).catch(ignoreDuplicate);
      // duplicates too: a fact inserted before a crash is counted by its redelivery (and never twice)
      await count(docs.flatMap(countedAsStored));
      await placeFacts(docs);
    },
    /**
     * Facts counted before the returnee's place was known get it now. Most registrations come before any
     * fact of their returnee: one read by `_id` finds no mark, and the facts are not scanned (on FerretDB 1.x
     * the update by `returneeId` reads and decodes every fact).
     */
    async placeReturnee(returneeId: string, place: Place): Promise<void> {
      if (!(await unplaced.findOne({ _id: returneeId }))) return;
      // counted first, then placed: after a crash in between the mark is still there, and this runs again
      if (counters) await count((await facts.find({ returneeId, provinceCode: null }).toArray()).map((f) => counted(f, place)));
      await facts.updateMany({ returneeId, provinceCode: null }, { $set: place });
      // a fact recorded after this update reads the place itself (placeFacts)
      await unplaced.deleteOne({ _id: returneeId });
    },
    async figures(filter: FactFilter): Promise<FigureRow[]> {
      if (counters && (await countersAnswer())) return counters.figures(filter);
      void rebuildCounters();
      return aggregate(filter);
    },
    /** Resolves when a rebuild of the counters under way (if any) is over. */
    countersRebuilt: () => rebuilding ?? Promise.resolve(),
    /** Empties the read model. Dropped, not deleted: FerretDB 1.24 fails `deleteMany({})` on ~100,000 facts (too many SQL variables). */
    async clear(): Promise<void> {
      for (const collection of [facts, unplaced, counterState]) await collection.drop().catch(ignoreMissingCollection);
      await facts.createIndex({ returneeId: 1 });
      await counters?.clear();
    },
  };

  async function aggregate(filter: FactFilter): Promise<FigureRow[]> {
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
  }
}

export type FactRepository = ReturnType<typeof factRepository>;
