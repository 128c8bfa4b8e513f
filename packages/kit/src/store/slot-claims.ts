import { type Connection, type Model, Schema } from 'mongoose';
import { isDuplicateKey } from '../errors/store-errors';

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
export async function claimSlot(model: Model<SlotClaim>, resource: string, claimant: string, capacity: number): Promise<ClaimResult> {
  const _id = claimId(resource, claimant);
  const held = async () => {
    const claim = await model.findById(_id).lean();
    return claim && ({ claimed: true, slot: claim.slot, alreadyHeld: true } as const);
  };
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
export async function releaseSlot(model: Model<SlotClaim>, resource: string, claimant: string): Promise<boolean> {
  const { deletedCount } = await model.deleteOne({ _id: claimId(resource, claimant) });
  return deletedCount === 1;
}

/** Whether `claimant` holds a place of `resource`: one read by `_id`. */
export async function holdsSlot(model: Model<SlotClaim>, resource: string, claimant: string): Promise<boolean> {
  return (await model.exists({ _id: claimId(resource, claimant) })) !== null;
}

/** Counts the resource's claims: a scan of the whole collection on FerretDB 1.x (the filter is not `_id`). */
export async function claimedCount(model: Model<SlotClaim>, resource: string): Promise<number> {
  return model.countDocuments({ resource });
}
