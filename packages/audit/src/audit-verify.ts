import type { Model } from 'mongoose';
import { type AuditRow, rowAt } from './audit.model';
import { type AuditEntry, GENESIS_HASH, hashEntry } from './audit-entry';

export interface VerifyOptions {
  /**
   * The head last seen elsewhere (published, or kept outside this database).
   * A chain alone cannot show that its last rows were deleted; this can.
   */
  expectedHead?: { seq: number; hash: string };
}

export type VerifyResult =
  | { ok: true; count: number; head: { seq: number; hash: string } | null }
  | {
      ok: false;
      /** The first row at fault. */
      seq: number;
      reason: 'altered' | 'missing' | 'broken-link' | 'truncated';
      message: string;
    };

/** Walks the chain in order, recomputing each hash and link. */
export async function verifyChain(model: Model<AuditRow>, options: VerifyOptions = {}): Promise<VerifyResult> {
  let expectedSeq = 1;
  let previousHash = GENESIS_HASH;
  for await (const row of model.find({}).sort({ seq: 1 }).lean().cursor()) {
    const entry = row as AuditEntry;
    if (entry.seq !== expectedSeq) {
      return { ok: false, seq: expectedSeq, reason: 'missing', message: `row ${expectedSeq} is missing (next row is ${entry.seq})` };
    }
    if (entry.prevHash !== previousHash) {
      const message = `row ${entry.seq} does not link to row ${entry.seq - 1}: one of them was altered and re-hashed`;
      return { ok: false, seq: entry.seq, reason: 'broken-link', message };
    }
    if (hashEntry(entry) !== entry.hash) {
      return { ok: false, seq: entry.seq, reason: 'altered', message: `row ${entry.seq} was altered: its content does not match its hash` };
    }
    previousHash = entry.hash;
    expectedSeq++;
  }
  const count = expectedSeq - 1;
  const head = count > 0 ? { seq: count, hash: previousHash } : null;
  const expected = options.expectedHead;
  if (expected && (!head || head.seq < expected.seq)) {
    return { ok: false, seq: count + 1, reason: 'truncated', message: `rows from ${count + 1} to ${expected.seq} are missing at the end` };
  }
  // by `_id`; rows written before `_id` was the position, by `seq`
  const recorded =
    expected && head && ((await rowAt(model, expected.seq)) ?? (await model.findOne({ seq: expected.seq }, { _id: 0, hash: 1 }).lean()));
  if (expected && head && recorded?.hash !== expected.hash) {
    return { ok: false, seq: expected.seq, reason: 'altered', message: `row ${expected.seq} no longer has the hash recorded for it` };
  }
  return { ok: true, count, head };
}
