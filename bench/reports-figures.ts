/**
 * Report figures at scale: a province's half-year summary read from the figure counters (Redis) against the same
 * figures counted from the facts (one aggregate on FerretDB), in the same run, plus the cost of recording facts
 * and of rebuilding the counters from them. Run: npx tsx bench/reports-figures.ts [--facts=100000] [--json <file>]
 * (servers up: npm run infra:up). Uses its own database and key prefix, dropped at the end.
 *
 * The facts are spread over 5 provinces × 40 communes × 12 months × 8 metrics, so one province's half year is a
 * tenth of them: what the aggregate reads is all of them (FerretDB 1.x decodes the collection), what the
 * counters read is six hashes.
 */
import mongoose from 'mongoose';
import { createClient } from 'redis';
import { createReportsStore } from '../services/reports/src/app';
import { figureCounters } from '../services/reports/src/store/figure-counters';
import type { FactFilter, FigureRow } from '../services/reports/src/store/fact.repository';
import { writeJson } from './bench-json';

const arg = (name: string, fallback: string) => process.argv.find((a) => a.startsWith(`--${name}=`))?.split('=')[1] ?? fallback;
const FACTS = Number(arg('facts', '100000'));
const ROUNDS = 3;
const PROVINCES = ['01', '40', '79', '31', '48'];
const METRICS = [
  'hired:stable',
  'hired:seasonal',
  'received:completed',
  'enrolled',
  'loan:approved',
  'loan-amount:approved',
  'referral-created:job',
  'need-met:job',
];
const FILTER: FactFilter = { provinceCode: '40', from: '2026-01-01', to: '2026-06-30' };

const seconds = (since: number) => (performance.now() - since) / 1000;
const sameRows = (a: FigureRow[], b: FigureRow[]) => {
  const text = (rows: FigureRow[]) => JSON.stringify(rows.map((r) => `${r.metric}|${r.communeCode}|${r.month}|${r.sum}`).sort());
  return text(a) === text(b);
};

async function main(): Promise<void> {
  const run = Date.now().toString(36);
  const connection = await mongoose
    .createConnection(process.env.MONGO_URL ?? 'mongodb://127.0.0.1:27017', { dbName: `bench_reports_${run}` })
    .asPromise();
  const redis = createClient({ url: process.env.REDIS_URL ?? 'redis://127.0.0.1:6379' });
  await redis.connect();
  const prefix = `bench:${run}:`;
  const { facts } = createReportsStore(connection, redis, prefix);
  // the same collection without counters: every summary is the facts' aggregate (the code before the counters)
  const { facts: factsOnly } = createReportsStore(connection);
  /** Counters lost, as after a Redis restart: the next read falls back to the facts and starts a rebuild. */
  const loseCounters = () => figureCounters(redis, prefix).clear();
  try {
    await facts.init();
    await facts.countersRebuilt();
    let started = performance.now();
    for (let i = 0; i < FACTS; i += 5_000) {
      const batch = [];
      for (let k = i; k < Math.min(FACTS, i + 5_000); k++) {
        const provinceCode = PROVINCES[k % PROVINCES.length]!;
        const on = `2026-${String(1 + (k % 12)).padStart(2, '0')}-${String(1 + (k % 28)).padStart(2, '0')}`;
        batch.push({
          _id: `f${k}`,
          metric: METRICS[k % METRICS.length]!,
          n: 1,
          on,
          place: { provinceCode, communeCode: `${provinceCode}${String(k % 40).padStart(3, '0')}` },
        });
      }
      await facts.record(batch);
    }
    const recordSeconds = seconds(started);
    console.log(`recorded ${FACTS.toLocaleString('en-US')} facts (insert into FerretDB + count in Redis) in ${recordSeconds.toFixed(1)} s`);

    const rounds: { countersMs: number; factsMs: number; same: boolean }[] = [];
    for (let round = 0; round < ROUNDS; round++) {
      started = performance.now();
      const fromCounters = await facts.figures(FILTER);
      const countersMs = seconds(started) * 1000;
      started = performance.now();
      const fromFacts = await factsOnly.figures(FILTER);
      const factsMs = seconds(started) * 1000;
      rounds.push({ countersMs, factsMs, same: sameRows(fromCounters, fromFacts) });
      console.log(
        `province 40, first half of 2026 (${fromCounters.length} rows): counters ${countersMs.toFixed(1)} ms, facts aggregate ${Math.round(factsMs)} ms (${Math.round(factsMs / countersMs)}×), same rows: ${rounds.at(-1)!.same}`,
      );
    }
    // Redis lost the counters: the next summary is counted from the facts while they are counted again
    await loseCounters();
    started = performance.now();
    await facts.figures(FILTER);
    await facts.countersRebuilt();
    const rebuildSeconds = seconds(started);
    const complete = await facts.figures(FILTER).then((rows) => factsOnly.figures(FILTER).then((again) => sameRows(rows, again)));
    console.log(
      `counters lost: rebuilt from the facts in ${rebuildSeconds.toFixed(1)} s (one summary answered from the facts meanwhile); same rows after: ${complete}`,
    );
    const median = (values: number[]) => values.sort((a, b) => a - b)[Math.floor(values.length / 2)]!;
    const result = {
      facts: FACTS,
      recordSeconds,
      countersMs: median(rounds.map((r) => r.countersMs)),
      factsMs: median(rounds.map((r) => r.factsMs)),
      rebuildSeconds,
      same: rounds.every((r) => r.same) && complete,
    };
    if (!result.same) throw new Error('the counters and the facts disagree');
    writeJson(result);
  } finally {
    await facts.clear().catch(() => undefined);
    await connection.dropDatabase().catch(() => undefined);
    await connection.close();
    await redis.quit();
  }
}

main().catch((error: unknown) => {
  console.error(error);
  process.exit(1);
});
