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

async function freeSlots(model: Model<SlotClaim>, resource: string, capacity: number): Promise<number[]> {
  const taken = new Set((await model.find({ resource }, { slot: 1 }).lean()).map((c) => c.slot));
  return shuffled([...Array(capacity).keys()].filter((slot) => !taken.has(slot)));
}

/**
 * Takes one free place of `resource` for `claimant`, or answers claimed:false
 * when all `capacity` places are taken. Repeating a claim returns the place
 * already held (idempotent).
 */
export async function claimSlot(model: Model<SlotClaim>, resource: string, claimant: string, capacity: number): Promise<ClaimResult> {
  const _id = claimId(resource, claimant);
  for (;;) {
    const held = await model.findById(_id).lean();
    if (held) return { claimed: true, slot: held.slot, alreadyHeld: true };
    const free = await freeSlots(model, resource, capacity);
    if (free.length === 0) return { claimed: false };
    for (const slot of free) {
      try {
        await model.create({ _id, resource, claimant, slot, claimedAt: new Date() });
        return { claimed: true, slot, alreadyHeld: false };
      } catch (error) {
        if (!isDuplicateKey(error)) throw error;
        // Either this slot went to someone else or this claimant won a slot
        // meanwhile (duplicate _id); the next round of the loop tells which.
        if (await model.exists({ _id })) break;
      }
    }
  }
}

/** Gives a place back (withdrawal, drop-out); true when a claim was held. */
export async function releaseSlot(model: Model<SlotClaim>, resource: string, claimant: string): Promise<boolean> {
  const { deletedCount } = await model.deleteOne({ _id: claimId(resource, claimant) });
  return deletedCount === 1;
}

export async function claimedCount(model: Model<SlotClaim>, resource: string): Promise<number> {
  return model.countDocuments({ resource });
}
