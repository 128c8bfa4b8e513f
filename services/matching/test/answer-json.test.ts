import { dayOf } from '../src/domain/calendar';
import { matchCandidates } from '../src/domain/match-candidates.use-case';
import { jobFields, matchJobs, rankJobs } from '../src/domain/match-jobs.use-case';
import type { MatchingContext } from '../src/domain/matching.context';
import { STATE } from '../src/domain/model/returnee-table';
import { idsKey, pairKey, reason, reasonJson, reasonsOnce } from '../src/domain/reasons/format';
import { jobReasons } from '../src/domain/reasons/job-reasons';
import { DEFAULT_WEIGHTS } from '../src/domain/scoring/weights';
import { candidatesJson, jobMatchesJson } from '../src/routes/answer-json';
import { syntheticJob } from '../src/synthetic/synthetic-offers';
import { loadSynthetic } from '../src/synthetic/load-synthetic';
import { Prng } from '../src/synthetic/prng';

const TODAY = '2026-11-23';
const today = dayOf(TODAY);
const { model, world } = loadSynthetic({ returnees: 3_000, jobs: 3_000, cohorts: 50 }, { today: TODAY, seed: 11 });
const ctx: MatchingContext = {
  model,
  instanceId: 'test',
  now: () => new Date(`${TODAY}T03:00:00Z`),
  utcOffsetMinutes: 420,
  allowScan: true,
  maxLimit: 100,
};
const admin = { sub: 'admin-1', role: 'admin' };
const g = new Prng(5);

describe('the hot answers written from kept texts (answer-json.ts)', () => {
  it('when 300 people ask for their jobs and 300 jobs for their candidates (employer and officer), then every text is what JSON.stringify writes', () => {
    const { returnees: R, jobs: J, vocab } = model;
    let jobsWritten = 0;
    let candidatesWritten = 0;
    for (let k = 0; k < 300; k++) {
      const p = g.int(R.size);
      if (R.has(p, STATE.profile)) {
        const answer = matchJobs(ctx, admin, R.ids[p]!, { limit: 20 });
        expect(jobMatchesJson(model, rankJobs(ctx, admin, R.ids[p]!, { limit: 20 })).toString()).toBe(JSON.stringify(answer));
        jobsWritten += answer.items.length;
      }
      const j = g.int(J.size);
      if (!J.isOpen(j)) continue;
      const employer = { sub: 'e', role: 'employer', orgId: vocab.orgs.names[J.org[j]!]! };
      const officer = { sub: 'o', role: 'officer', provinceCode: vocab.provinces.names[J.province[j]!]! };
      for (const caller of [employer, officer]) {
        const answer = matchCandidates(ctx, caller, J.ids[j]!, { limit: 20 });
        expect(candidatesJson(answer).toString()).toBe(JSON.stringify(answer));
        candidatesWritten += answer.items.length;
      }
    }
    // the comparison saw real answers, not empty lists
    expect(jobsWritten).toBeGreaterThan(2_000);
    expect(candidatesWritten).toBeGreaterThan(2_000);
  });

  it("when a job's title, wage or housing changes, then its next answer carries the new fields, not the kept text", () => {
    const j = 7;
    const posted = syntheticJob(world, j);
    expect(model.jobs.ids[j]).toBe(posted.jobId);
    const answer = () => ({ returneeId: 'r-1', items: [{ ...jobFields(model, j), score: 50, reasons: [] }], nextCursor: null });
    const written = () => jobMatchesJson(model, { returneeId: 'r-1', ranked: [{ slot: j, score: 5_000, reasons: [] }] }).toString();
    expect(written()).toBe(JSON.stringify(answer()));
    let version = 0;
    for (const changed of [
      { title: 'Thợ hàn bậc 3' },
      { wageMaxVnd: posted.wageMaxVnd + 1_000_000 },
      { accommodation: !posted.accommodation },
      {},
    ]) {
      const before = written();
      model.jobs.apply({ ...posted, ...changed }, ++version);
      expect(written()).toBe(JSON.stringify(answer()));
      if (Object.keys(changed).length > 0) expect(written()).not.toBe(before);
    }
    expect(JSON.parse(written())).toMatchObject({
      items: [{ jobId: posted.jobId, title: posted.title, wageMaxVnd: posted.wageMaxVnd, accommodation: posted.accommodation }],
    });
  });

  it('when two items give the same reason, then it is one reason, made once, and its JSON is written once', () => {
    const once = reasonsOnce();
    let made = 0;
    const make = () => (made++, reason('wage', 750, 'Lương 8.000.000 ₫', 'Wage 8,000,000 VND'));
    const first = once('wage', pairKey(8_000_000, 10_000_000), make);
    expect(once('wage', pairKey(8_000_000, 10_000_000), make)).toBe(first);
    expect(made).toBe(1);
    expect(reasonJson(first).toString()).toBe(
      JSON.stringify({ code: 'wage', points: 7.5, vi: 'Lương 8.000.000 ₫', en: 'Wage 8,000,000 VND' }),
    );
    // another code under the same key is another reason
    expect(once('available', pairKey(8_000_000, 10_000_000), () => reason('available', 0, 'a', 'b'))).not.toBe(first);
  });

  it('when keys are made of ids or pairs, then different inputs never share a key', () => {
    const keys = [
      idsKey(0, []),
      idsKey(1, []),
      idsKey(0, [1]),
      idsKey(0, [0, 1]),
      idsKey(1, [5]),
      idsKey(0, [1, 5]),
      idsKey(2, [1, 5]),
      idsKey(2, [5, 1]),
      idsKey(0, [1, 2, 3, 4, 5, 6]),
      idsKey(0, [300]),
    ];
    expect(new Set(keys).size).toBe(keys.length);
    expect(typeof idsKey(3, [1, 2, 3])).toBe('number');
    const pairs = [pairKey(1, 2), pairKey(2, 1), pairKey(0, 2 ** 26), pairKey(1, 0), pairKey(2 ** 26, 0), pairKey(-1, 0), pairKey(0.5, 1)];
    expect(new Set(pairs).size).toBe(pairs.length);
    expect(typeof pairKey(20_000_000, 25_000_000)).toBe('number');
    expect(typeof pairKey(90_000_000, 25_000_000)).toBe('string');
  });

  it('when two models weigh the wage differently, then each gives its own points for the same job (reasons are kept per model)', () => {
    const other = loadSynthetic(
      { returnees: 3_000, jobs: 3_000, cohorts: 50 },
      { today: TODAY, seed: 11, weights: { ...DEFAULT_WEIGHTS, job: { ...DEFAULT_WEIGHTS.job, wage: DEFAULT_WEIGHTS.job.wage * 2 } } },
    ).model;
    const p = [...Array(model.returnees.size).keys()].find((slot) => model.returnees.has(slot, STATE.profile))!;
    const wageOf = (m: typeof model, j: number) => jobReasons(m, p, j, today, 'officer').find((r) => r.code === 'wage')!;
    let compared = 0;
    for (let j = 0; j < 50; j++) {
      const [mine, theirs] = [wageOf(model, j), wageOf(other, j)];
      expect(theirs.vi).toBe(mine.vi);
      if (mine.points > 0) {
        expect(theirs.points).toBeCloseTo(mine.points * 2, 0);
        compared++;
      }
    }
    expect(compared).toBeGreaterThan(10);
  });
});
