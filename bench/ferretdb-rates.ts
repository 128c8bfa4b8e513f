/**
 * FerretDB write rates on this machine: single inserts, bulk inserts and
 * upserts by _id, each with a few concurrent clients as a service would issue
 * them. Run: npx tsx bench/ferretdb-rates.ts [--json <file>]  (servers up: npm run infra:up)
 *
 * FerretDB on SQLite answers `database is locked (SQLITE_BUSY)` when other writers hold the lock
 * for too long (other test suites on a shared machine): that operation is reported as a failed row
 * with the error, and the others still run, instead of the whole bench crashing.
 */
import { cpus } from 'node:os';
import mongoose from 'mongoose';
import { writeJson } from './bench-json';

const url = process.env.MONGO_URL ?? 'mongodb://127.0.0.1:27017';
const N = Number(process.env.BENCH_N ?? 3000);
const CONCURRENCY = 8;

interface Row {
  operation: string;
  count: number;
  /** Operations per second; absent when the operation failed. */
  rate?: number;
  error?: string;
}
const rows: Row[] = [];

async function timed(label: string, total: number, work: (i: number) => Promise<unknown>): Promise<void> {
  let next = 0;
  let failure: unknown;
  const started = process.hrtime.bigint();
  // every client stops at the first failure, so none is still writing when the next operation starts
  await Promise.all(
    Array.from({ length: CONCURRENCY }, async () => {
      try {
        while (next < total && failure === undefined) await work(next++);
      } catch (error) {
        failure ??= error;
      }
    }),
  );
  if (failure !== undefined) {
    const error = failure;
    const message = error instanceof Error ? error.message : String(error);
    const busy = /SQLITE_BUSY|database is locked/i.test(message);
    rows.push({ operation: label, count: next, error: busy ? `SQLITE_BUSY: ${message}` : message });
    console.log(`| ${label.padEnd(34)} | ${String(next).padStart(6)} | FAILED: ${busy ? 'database is locked (SQLITE_BUSY)' : message} |`);
    return;
  }
  const seconds = Number(process.hrtime.bigint() - started) / 1e9;
  rows.push({ operation: label, count: total, rate: total / seconds });
  console.log(`| ${label.padEnd(34)} | ${String(total).padStart(6)} | ${(total / seconds).toFixed(0).padStart(8)} /s |`);
}

async function main(): Promise<void> {
  const conn = await mongoose.createConnection(`${url.replace(/\/$/, '')}/bench_rates`).asPromise();
  const coll = conn.collection<{ _id: string; n: number; payload: string }>('docs');
  await coll.drop().catch(() => undefined);
  const payload = 'x'.repeat(300);
  console.log(`FerretDB write rates (${cpus().length} cores, ${CONCURRENCY} concurrent clients)\n`);
  console.log('| operation                          |  count |     rate    |\n|---|---|---|');
  try {
    await timed('insertOne', N, (i) => coll.insertOne({ _id: `a${i}`, n: i, payload }));
    await timed('insertMany (batches of 100)', N, async (i) => {
      if (i % 100 !== 0) return;
      await coll.insertMany(Array.from({ length: 100 }, (_, j) => ({ _id: `b${i + j}`, n: i + j, payload })));
    });
    await timed('updateOne upsert (new _id)', N, (i) => coll.updateOne({ _id: `c${i}` }, { $set: { n: i, payload } }, { upsert: true }));
    await timed('updateOne upsert (existing _id)', N, (i) => coll.updateOne({ _id: `a${i}` }, { $set: { n: -i } }, { upsert: true }));
    await timed('findOne by _id', N, (i) => coll.findOne({ _id: `a${i}` }));
  } finally {
    writeJson({ concurrency: CONCURRENCY, rows });
    await conn.dropDatabase().catch(() => undefined);
    await conn.close();
  }
  if (rows.some((r) => r.error)) process.exitCode = 1;
}

main().catch((error) => {
  console.error(error);
  process.exit(1);
});
