import { type Connection, type Model, Schema } from 'mongoose';
import { isDuplicateKey } from '../errors/store-errors';
import { type IndexRedis, redisIndex } from './redis-index';

/**
 * Claims on a limited number of places (seats in a cohort, openings in a job),
 * safe under concurrency on FerretDB 1.x, whose updates are not atomic
 * (ARCHITECTURE §7): a counter guarded by `$lt` + `$inc` can oversell there.
 * Inserts are atomic and unique indexes are enforced, so each place is a slot
 * number that only one insert can take ({resource, slot} unique), and each
 * claimant holds at most one claim per resource (the _id).
 */
export interface SlotClaim {
  _id: string;
  resource: string;
  claimant: string;
  slot: number;
  claimedAt: Date;
}

export type ClaimResult = { claimed: true; slot: number; alreadyHeld: boolean } | { claimed: false };

/**
 * Who may hold a place of each resource, kept in Redis so that counting the claims does not read them all
 * (FerretDB 1.x decodes every claim of every resource for `{ resource }`): a sorted set per resource of the
 * claimants, each added before its claim is tried (with the time), removed after its release or refusal. A
 * count checks each member's claim by `_id`, so the set may hold more than the holders (a claim that crashed
 * midway) but never fewer. A set that Redis lost is rebuilt from the claims (one scan) on the next count.
 */
export interface SlotTally {
  redis: IndexRedis;
  /** Prepended to `slots:<resource>` (a service's Redis prefix). */
  prefix: string;
}

/** A member that holds nothing and was added longer ago than this is a claim that will not come: dropped. */
const STALE_MS = 60_000;

const indexOf = (tally: SlotTally, resource: string) => redisIndex(tally.redis, `${tally.prefix}slots:${resource}`);

const slotClaimSchema = new Schema<SlotClaim>(
  {
    _id: { type: String, required: true },
    resource: { type: String, required: true },
    claimant: { type: String, required: true },
    slot: { type: Number, required: true },
    claimedAt: { type: Date, required: true },
  },
  { versionKey: false },
);
slotClaimSchema.index({ resource: 1, slot: 1 }, { unique: true });

export function slotClaimModel(connection: Connection, collection = 'slot_claims'): Model<SlotClaim> {
  return connection.models[collection] ?? connection.model<SlotClaim>(collection, slotClaimSchema, collection);
}

const claimId = (resource: string, claimant: string) => `${resource}|${claimant}`;

function shuffled(values: number[]): number[] {
  for (let i = values.length - 1; i > 0; i--) {
    const j = Math.floor(Math.random() * (i + 1));
    [values[i], values[j]] = [values[j]!, values[i]!];
  }
  return values;
}

/**
 * Takes one free place of `resource` for `claimant`, or answers claimed:false
 * when all `capacity` places are taken. Repeating a claim returns the place
 * already held (idempotent). The places are tried in a random order, each by
 * its insert, which the unique {resource, slot} refuses when it is taken: the
 * claims of the resource are never listed, a read FerretDB 1.x answers by
 * decoding every claim of every resource (36 µs each here). A free place costs
 * one insert; a full resource, `capacity` refused inserts.
 */
export async function claimSlot(
  model: Model<SlotClaim>,
  resource: string,
  claimant: string,
  capacity: number,
  tally?: SlotTally,
): Promise<ClaimResult> {
  const result = await claimPlace(model, resource, claimant, capacity, tally);
  if (!result.claimed && tally) await indexOf(tally, resource).remove(claimant);
  return result;
}

async function claimPlace(model: Model<SlotClaim>, resource: string, claimant: string, capacity: number, tally?: SlotTally): Promise<ClaimResult> {
  const _id = claimId(resource, claimant);
  const held = async () => {
    const claim = await model.findById(_id).lean();
    return claim && ({ claimed: true, slot: claim.slot, alreadyHeld: true } as const);
  };
  // in the tally before the claim (a count may then see one claimant too many, which it checks, not one too few);
  // also when the claim is held already, which puts back a holder the set lost
  if (tally) await indexOf(tally, resource).add(claimant, Date.now());
  const already = await held();
  if (already) return already;
  for (const slot of shuffled([...Array(capacity).keys()])) {
    try {
      await model.create({ _id, resource, claimant, slot, claimedAt: new Date() });
      return { claimed: true, slot, alreadyHeld: false };
    } catch (error) {
      if (!isDuplicateKey(error)) throw error;
      // this place is someone else's, or this claimant won another one meanwhile (its _id is taken)
      const won = await held();
      if (won) return won;
    }
  }
  return { claimed: false };
}

/** Gives a place back (withdrawal, drop-out); true when a claim was held. */
export async function releaseSlot(model: Model<SlotClaim>, resource: string, claimant: string, tally?: SlotTally): Promise<boolean> {
  const { deletedCount } = await model.deleteOne({ _id: claimId(resource, claimant) });
  // after the delete: a crash between the two leaves one claimant too many in the tally, which counts check
  if (tally) await indexOf(tally, resource).remove(claimant);
  return deletedCount === 1;
}

/** Whether `claimant` holds a place of `resource`: one read by `_id`. */
export async function holdsSlot(model: Model<SlotClaim>, resource: string, claimant: string): Promise<boolean> {
  return (await model.exists({ _id: claimId(resource, claimant) })) !== null;
}

/** Before a new resource (a cohort) is stored: its tally is known to be complete, empty, so no count scans. */
export async function openTally(tally: SlotTally, resource: string): Promise<void> {
  await indexOf(tally, resource).open();
}

/**
 * Counts the resource's claims. Without a tally, by `{ resource }`: a scan of the whole collection on FerretDB
 * 1.x. With one, each claimant of the tally is checked by `_id` (the set rebuilt by that scan when Redis lost it).
 */
export async function claimedCount(model: Model<SlotClaim>, resource: string, tally?: SlotTally): Promise<number> {
  if (!tally) return model.countDocuments({ resource });
  const index = indexOf(tally, resource);
  const claimants = await index.members(async function* () {
    for await (const claim of model.find({ resource }, { claimant: 1 }).lean().cursor()) yield { value: claim.claimant, score: 0 };
  });
  const holds = await Promise.all(claimants.map((m) => holdsSlot(model, resource, m.value)));
  const staleBefore = Date.now() - STALE_MS;
  await Promise.all(claimants.filter((m, i) => !holds[i] && m.score < staleBefore).map((m) => index.remove(m.value)));
  return holds.filter(Boolean).length;
}
