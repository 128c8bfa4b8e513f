import type { Connection, Model } from 'mongoose';
import { isDuplicateKey } from '@hoanhap/kit';
import { type AuditEntry, type AuditInput, GENESIS_HASH, hashEntry } from './audit-entry';
import { auditModel } from './audit.model';
import { type AuditPage, type AuditQuery, queryAudit } from './audit-query';
import { type VerifyOptions, type VerifyResult, verifyChain } from './audit-verify';

export interface AuditLog {
  /** Creates the collection's indexes (the unique `seq` index guards the chain). Call once at boot. */
  init(): Promise<void>;
  /** Appends one row at the end of the chain and returns it. */
  append(input: AuditInput): Promise<AuditEntry>;
  /** Recomputes the chain and names the first altered or missing row. */
  verify(options?: VerifyOptions): Promise<VerifyResult>;
  /** Rows by resource, actor and time range, newest first, paginated. */
  query(filter?: AuditQuery): Promise<AuditPage>;
}

export interface AuditLogOptions {
  collection?: string;
  /** Attempts before giving up when other writers keep taking the next seq. Default 50. */
  maxAttempts?: number;
}

const pause = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

async function appendOnce(model: Model<AuditEntry>, input: AuditInput, maxAttempts: number): Promise<AuditEntry> {
  for (let attempt = 1; ; attempt++) {
    const head = await model.findOne({}, { seq: 1, hash: 1 }).sort({ seq: -1 }).lean();
    const row: Omit<AuditEntry, 'hash'> = { ...input, at: input.at ?? new Date(), seq: (head?.seq ?? 0) + 1, prevHash: head?.hash ?? GENESIS_HASH };
    const entry: AuditEntry = { ...row, hash: hashEntry(row) };
    try {
      await model.create(entry);
      return entry;
    } catch (error) {
      if (!isDuplicateKey(error) || attempt >= maxAttempts) throw error;
      // another writer took this seq: read the new head and try again, spread out so racers do not collide again
      await pause(Math.random() * Math.min(2 ** attempt, 50));
    }
  }
}

/**
 * An append-only, hash-chained audit log in one MongoDB collection, correct on
 * FerretDB (no transactions, non-atomic updates): a row's position is an
 * insert guarded by the unique `seq` index, so concurrent writers (here or in
 * other replicas) cannot fork or skip the chain — the loser re-reads the head
 * and retries. Appends from this process are queued one at a time, which
 * keeps them from racing each other. There is no update or delete.
 */
export function createAuditLog(connection: Connection, options: AuditLogOptions = {}): AuditLog {
  const model = auditModel(connection, options.collection ?? 'audit_log');
  let tail: Promise<unknown> = Promise.resolve();
  return {
    init: async () => {
      await model.init();
    },
    append: (input) => {
      const next = tail.then(() => appendOnce(model, input, options.maxAttempts ?? 50));
      tail = next.catch(() => undefined);
      return next;
    },
    verify: (verifyOptions) => verifyChain(model, verifyOptions),
    query: (filter) => queryAudit(model, filter),
  };
}
