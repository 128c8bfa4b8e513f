/**
 * FerretDB write rates on this machine: single inserts, bulk inserts and
 * upserts by _id, each with a few concurrent clients as a service would issue
 * them. Run: npx tsx bench/ferretdb-rates.ts  (servers up: npm run infra:up)
 */
import { cpus } from 'node:os';
import mongoose from 'mongoose';

const url = process.env.MONGO_URL ?? 'mongodb://127.0.0.1:27017';
const N = Number(process.env.BENCH_N ?? 3000);
const CONCURRENCY = 8;

async function timed(label: string, total: number, work: (i: number) => Promise<unknown>): Promise<void> {
  let next = 0;
  const started = process.hrtime.bigint();
  await Promise.all(
    Array.from({ length: CONCURRENCY }, async () => {
      while (next < total) await work(next++);
    }),
  );
  const seconds = Number(process.hrtime.bigint() - started) / 1e9;
  console.log(`| ${label.padEnd(34)} | ${String(total).padStart(6)} | ${(total / seconds).toFixed(0).padStart(8)} /s |`);
}

async function main(): Promise<void> {
  const conn = await mongoose.createConnection(`${url.replace(/\/$/, '')}/bench_rates`).asPromise();
  const coll = conn.collection<{ _id: string; n: number; payload: string }>('docs');
  await coll.drop().catch(() => undefined);
  const payload = 'x'.repeat(300);
  console.log(`FerretDB write rates (${cpus().length} cores, ${CONCURRENCY} concurrent clients)\n`);
  console.log('| operation                          |  count |     rate    |\n|---|---|---|');
  await timed('insertOne', N, (i) => coll.insertOne({ _id: `a${i}`, n: i, payload }));
  await timed('insertMany (batches of 100)', N, async (i) => {
    if (i % 100 !== 0) return;
    await coll.insertMany(Array.from({ length: 100 }, (_, j) => ({ _id: `b${i + j}`, n: i + j, payload })));
  });
  await timed('updateOne upsert (new _id)', N, (i) => coll.updateOne({ _id: `c${i}` }, { $set: { n: i, payload } }, { upsert: true }));
  await timed('updateOne upsert (existing _id)', N, (i) => coll.updateOne({ _id: `a${i}` }, { $set: { n: -i } }, { upsert: true }));
  await timed('findOne by _id', N, (i) => coll.findOne({ _id: `a${i}` }));
  await conn.dropDatabase();
  await conn.close();
}

main().catch((error) => {
  console.error(error);
  process.exit(1);
});
