import type { Connection, Model } from 'mongoose';
import { isDuplicateKey } from '@hoanhap/kit';
import { type AuditEntry, type AuditInput, GENESIS_HASH, hashEntry } from './audit-entry';
import { type AuditRow, auditModel, type Head, rowAt, rowId } from './audit.model';
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

/** The last row by a sorted read of the whole collection: for rows written before `_id` was the position. */
const sortedHead = (model: Model<AuditRow>): Promise<Head> => model.findOne({}, { _id: 0, seq: 1, hash: 1 }).sort({ seq: -1 }).lean<Head>();

/**
 * The last row from `found` on, read by `_id` only: rows have the ids "1"…"N", so the probe doubles its step
 * until a row is missing, then halves the gap (about 2·log₂ of the distance: 40 reads over a million rows).
 */
async function lastFrom(model: Model<AuditRow>, found: NonNullable<Head>): Promise<NonNullable<Head>> {
  let missing = found.seq + 1;
  for (let row = await rowAt(model, missing); row; row = await rowAt(model, missing)) {
    missing = row.seq + 2 * (missing - found.seq);
    found = row;
  }
  while (missing - found.seq > 1) {
    const middle = Math.floor((found.seq + missing) / 2);
    const row = await rowAt(model, middle);
    if (row) found = row;
    else missing = middle;
  }
  return found;
}

/** The head: from row 1 by `_id`, or, when row 1 is not keyed so (an empty chain, or written before), the sorted read. */
async function findHead(model: Model<AuditRow>): Promise<Head> {
  const first = await rowAt(model, 1);
  return first ? lastFrom(model, first) : sortedHead(model);
}

/**
 * Appends one row after `known` (the head this process last wrote; found anew when unknown) and returns
 * it. A row is placed by an insert that the unique `_id` and `seq` guard: when
 * another writer took the position, its row is the newer head and the insert is tried again after it.
 */
async function appendAfter(model: Model<AuditRow>, known: Head | undefined, input: AuditInput, maxAttempts: number): Promise<AuditEntry> {
  let head = known === undefined ? await findHead(model) : known;
  for (let attempt = 1; ; attempt++) {
    const row: Omit<AuditEntry, 'hash'> = { ...input, at: input.at ?? new Date(), seq: (head?.seq ?? 0) + 1, prevHash: head?.hash ?? GENESIS_HASH };
    const entry: AuditEntry = { ...row, hash: hashEntry(row) };
    try {
      await model.create({ _id: rowId(entry.seq), ...entry });
      return entry;
    } catch (error) {
      if (!isDuplicateKey(error) || attempt >= maxAttempts) throw error;
      // another writer took this seq: follow the chain from its row to the end (or, when that row is not keyed
      // by position, read the sorted head)
      const taken = await rowAt(model, entry.seq);
      head = taken ? await lastFrom(model, taken) : await sortedHead(model);
      // spread out, so that racers do not collide again
      await pause(Math.random() * Math.min(2 ** attempt, 50));
    }
  }
}

/**
 * An append-only, hash-chained audit log in one MongoDB collection, correct on
 * FerretDB (no transactions, non-atomic updates): a row's position is an
 * insert guarded by the unique `_id` and `seq`, so concurrent writers (here or
 * in other replicas) cannot fork or skip the chain — the loser reads the row
 * that won and retries after it. Appends from this process are queued one at
 * a time, which keeps them from racing each other, and the process keeps the
 * head it last wrote, so an append reads nothing unless another writer moved
 * the head. There is no update or delete.
 */
export function createAuditLog(connection: Connection, options: AuditLogOptions = {}): AuditLog {
  const model = auditModel(connection, options.collection ?? 'audit_log');
  let tail: Promise<unknown> = Promise.resolve();
  // the last row this process wrote; undefined until the first append finds the head, and after a failure
  let head: Head | undefined;
  return {
    init: async () => {
      await model.init();
    },
    append: (input) => {
      const next = tail.then(async () => {
        try {
          const entry = await appendAfter(model, head, input, options.maxAttempts ?? 50);
          head = { seq: entry.seq, hash: entry.hash };
          return entry;
        } catch (error) {
          head = undefined;
          throw error;
        }
      });
      tail = next.catch(() => undefined);
      return next;
    },
    verify: (verifyOptions) => verifyChain(model, verifyOptions),
    query: (filter) => queryAudit(model, filter),
  };
}
