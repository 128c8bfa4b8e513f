import type { FactFilter, FigureRow } from './fact.repository';

/** The Redis commands the counters use (node-redis v4). */
export interface CounterRedis {
  eval(script: string, options: { keys: string[]; arguments: string[] }): Promise<unknown>;
  hGetAll(key: string): Promise<Record<string, string>>;
  sMembers(key: string): Promise<string[]>;
  exists(key: string): Promise<number>;
  set(key: string, value: string): Promise<unknown>;
  del(keys: string[]): Promise<unknown>;
  scanIterator(options: { MATCH: string; COUNT?: number }): AsyncIterable<string>;
}

/** A placed fact, as counted: what it adds, where and on which day. */
export interface CountedFact {
  _id: string;
  metric: string;
  n: number;
  on: string;
  provinceCode: string;
  communeCode: string;
}

// Adds a fact to its province-month's sums once: the fact's id joins the month's "counted" set, and only a new
// member adds n. Atomic in Redis, so concurrent or repeated deliveries of one fact count it once.
const COUNT = `
if redis.call('SADD', KEYS[2], ARGV[1]) == 1 then
  redis.call('HINCRBY', KEYS[1], ARGV[2], ARGV[3])
  redis.call('SADD', KEYS[3], ARGV[4])
end
return 0`;

// Marks the counters complete, only if the rebuild that asks is still the one under way: a Redis that lost its
// data during a rebuild lost the `building` token too, so it is never marked complete with half its counts.
const FINISH = `
if redis.call('GET', KEYS[1]) == ARGV[1] then
  redis.call('SET', KEYS[2], ARGV[1])
  redis.call('DEL', KEYS[1])
  return 1
end
return 0`;

const BATCH = 500;

/**
 * The report figures kept as counters (ARCHITECTURE §7: "maintain counters for reports incrementally"), so that
 * a summary reads a few Redis hashes instead of every fact. Per province and month, one hash of sums by
 * `metric|commune|day` (a period is cut by day) and the set of fact ids already counted.
 *
 * The facts in FerretDB stay the truth. Counting is idempotent by fact id, so it is done after every insert,
 * duplicate or not, and a crash between the insert and the count is repaired by the redelivery. Redis may lose
 * the counters (it runs without persistence): then `complete()` is false, summaries are read from the facts,
 * and `rebuild` counts every placed fact again while the consumers go on counting beside it.
 */
export function figureCounters(redis: CounterRedis, prefix: string) {
  // one hash tag for every key: the scripts touch several keys, which Redis Cluster allows within one slot
  const key = (...parts: string[]) => `${prefix}{report-figures}:${parts.join(':')}`;
  const MONTHS = key('months');
  const COMPLETE = key('complete');
  const BUILDING = key('building');

  const countOne = (f: CountedFact) => {
    const month = f.on.slice(0, 7);
    return redis.eval(COUNT, {
      keys: [key('sums', f.provinceCode, month), key('counted', f.provinceCode, month), MONTHS],
      arguments: [f._id, `${f.metric}|${f.communeCode}|${f.on}`, String(f.n), `${f.provinceCode}:${month}`],
    });
  };

  return {
    async count(facts: readonly CountedFact[]): Promise<void> {
      for (let i = 0; i < facts.length; i += BATCH) await Promise.all(facts.slice(i, i + BATCH).map(countOne));
    },

    /** True when every placed fact is counted: the counters may answer. */
    async complete(): Promise<boolean> {
      return (await redis.exists(COMPLETE)) === 1;
    },

    /** The counters stop answering (until a rebuild completes them). */
    async invalidate(): Promise<void> {
      await redis.del([COMPLETE]);
    },

    /** Counts every fact `all` yields, then marks the counters complete (unless Redis lost them meanwhile). */
    async rebuild(all: () => AsyncIterable<CountedFact>): Promise<boolean> {
      const token = `${Date.now()}-${Math.random().toString(36).slice(2)}`;
      await redis.set(BUILDING, token);
      let batch: CountedFact[] = [];
      for await (const fact of all()) {
        batch.push(fact);
        if (batch.length === BATCH) {
          await this.count(batch);
          batch = [];
        }
      }
      await this.count(batch);
      return (await redis.eval(FINISH, { keys: [BUILDING, COMPLETE], arguments: [token] })) === 1;
    },

    /** The same rows as the facts' aggregate: sums by metric, commune and month, within the filter. */
    async figures(filter: FactFilter): Promise<FigureRow[]> {
      const [firstMonth, lastMonth] = [filter.from?.slice(0, 7) ?? '', filter.to.slice(0, 7)];
      const months = (await redis.sMembers(MONTHS))
        .map((pair) => pair.split(':') as [string, string])
        .filter(
          ([province, month]) =>
            (filter.provinceCode === undefined || province === filter.provinceCode) && month >= firstMonth && month <= lastMonth,
        );
      const hashes = await Promise.all(months.map(([province, month]) => redis.hGetAll(key('sums', province, month))));
      const rows = new Map<string, FigureRow>();
      for (const sums of hashes) {
        for (const [field, value] of Object.entries(sums)) {
          const [metric, communeCode, day] = field.split('|') as [string, string, string];
          if (day > filter.to || (filter.from && day < filter.from) || (filter.communeCode && communeCode !== filter.communeCode)) continue;
          const month = day.slice(0, 7);
          const id = `${metric}|${communeCode}|${month}`;
          const row = rows.get(id) ?? rows.set(id, { metric, communeCode, month, sum: 0 }).get(id)!;
          row.sum += Number(value);
        }
      }
      return [...rows.values()];
    },

    /** Forgets every counter (the read model is rebuilt from the start). */
    async clear(): Promise<void> {
      const keys: string[] = [];
      for await (const found of redis.scanIterator({ MATCH: `${prefix}{report-figures}:*`, COUNT: 1000 })) keys.push(found);
      for (let i = 0; i < keys.length; i += BATCH) await redis.del(keys.slice(i, i + BATCH));
    },
  };
}

export type FigureCounters = ReturnType<typeof figureCounters>;
