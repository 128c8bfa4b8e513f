import { createClient } from 'redis';
import { testNamespace } from '@hoanhap/testing';
import { figureCounters, type CountedFact } from '../src/store/figure-counters';

const ns = testNamespace();
const redis = createClient({ url: ns.redisUrl });
const counters = figureCounters(redis, ns.redisPrefix);

beforeAll(() => redis.connect());
afterAll(async () => {
  await counters.clear();
  await redis.quit();
});
beforeEach(() => counters.clear());

const fact = (id: string, metric: string, on: string, communeCode = '16681', n = 1, provinceCode = '40'): CountedFact => ({
  _id: id,
  metric,
  n,
  on,
  provinceCode,
  communeCode,
});
const keys = async () => {
  const found: string[] = [];
  for await (const key of redis.scanIterator({ MATCH: `${ns.redisPrefix}*` })) found.push(key);
  return found;
};

describe('figure counters (real Redis)', () => {
  it('when one fact is counted twenty times at once, among others, then it adds its amount once', async () => {
    const loan = fact('loan-amount:a1:approved', 'loan-amount:approved', '2026-03-05', '16681', 40_000_000);
    await Promise.all(Array.from({ length: 20 }, () => counters.count([loan, fact('hired:x', 'hired:stable', '2026-03-06')])));
    await counters.count([loan, fact('hired:y', 'hired:stable', '2026-03-20')]);
    const rows = await counters.figures({ provinceCode: '40', to: '2026-12-31' });
    expect(rows.sort((a, b) => a.metric.localeCompare(b.metric))).toEqual([
      { metric: 'hired:stable', communeCode: '16681', month: '2026-03', sum: 2 },
      { metric: 'loan-amount:approved', communeCode: '16681', month: '2026-03', sum: 40_000_000 },
    ]);
  });

  it('when a period, a commune or a province is asked, then only the days, commune and province inside count', async () => {
    await counters.count([
      fact('a', 'hired:stable', '2026-02-28'),
      fact('b', 'hired:stable', '2026-03-01'),
      fact('c', 'hired:stable', '2026-03-31', '16690'),
      fact('d', 'hired:stable', '2026-04-01'),
      fact('e', 'hired:stable', '2026-03-15', '00004', 1, '01'),
    ]);
    const sums = async (filter: Parameters<typeof counters.figures>[0]) =>
      (await counters.figures(filter)).map((r) => `${r.communeCode} ${r.month} ${r.sum}`).sort();
    expect(await sums({ provinceCode: '40', from: '2026-03-01', to: '2026-03-31' })).toEqual(['16681 2026-03 1', '16690 2026-03 1']);
    expect(await sums({ provinceCode: '40', communeCode: '16690', to: '2026-12-31' })).toEqual(['16690 2026-03 1']);
    expect(await sums({ provinceCode: '40', to: '2026-03-30' })).toEqual(['16681 2026-02 1', '16681 2026-03 1']);
    expect(await sums({ from: '2026-03-02', to: '2026-04-01' })).toEqual(['00004 2026-03 1', '16681 2026-04 1', '16690 2026-03 1']);
  });

  it('when a rebuild counts every fact, then the counters are complete; when Redis loses its data meanwhile, then they are not', async () => {
    expect(await counters.complete()).toBe(false);
    const all = async function* () {
      yield fact('a', 'enrolled', '2026-05-01');
      yield fact('b', 'enrolled', '2026-05-02');
    };
    expect(await counters.rebuild(all)).toBe(true);
    expect(await counters.complete()).toBe(true);
    expect((await counters.figures({ to: '2026-05-31' }))[0]!.sum).toBe(2);

    await counters.clear();
    const losing = async function* () {
      yield fact('a', 'enrolled', '2026-05-01');
      // Redis restarted without persistence: the rebuild's token is gone with the counts
      for (const key of await keys()) await redis.del(key);
      yield fact('b', 'enrolled', '2026-05-02');
    };
    expect(await counters.rebuild(losing)).toBe(false);
    expect(await counters.complete()).toBe(false);
  });

  it('when the counters are cleared, then no key of theirs is left', async () => {
    await counters.count([fact('a', 'enrolled', '2026-05-01')]);
    expect((await keys()).length).toBeGreaterThan(0);
    await counters.clear();
    expect(await keys()).toEqual([]);
  });
});
