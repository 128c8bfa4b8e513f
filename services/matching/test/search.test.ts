import { dayOf } from '../src/domain/calendar';
import { STATE } from '../src/domain/model/returnee-table';
import { candidateSearch, naiveCandidateSearch } from '../src/domain/search/candidate-search';
import { jobSearch, naiveJobSearch } from '../src/domain/search/job-search';
import { loadSynthetic } from '../src/synthetic/load-synthetic';
import { syntheticJob } from '../src/synthetic/synthetic-offers';
import { Prng } from '../src/synthetic/prng';
import { jobPairScorer, pairScore } from '../src/domain/search/pair-score';
import { JOB } from '../src/domain/model/job-table';
import { PREF } from '../src/domain/model/returnee-table';
import { overlapCount } from '../src/domain/model/skill-bits';
import { NO_COMMUNE } from '../src/domain/model/vocabulary';
import { distancePoints, housingPoints, skillPoints, stabilityPoints, startPoints, wagePoints } from '../src/domain/scoring/job-score.rules';

const TODAY = '2026-11-23';
const today = dayOf(TODAY);
const now = Date.parse(`${TODAY}T03:00:00Z`);
const { model, world } = loadSynthetic({ returnees: 3_000, jobs: 4_000, cohorts: 100 }, { today: TODAY, seed: 7 });
const g = new Prng(99);

describe('indexed search vs the full scan (same rules, same data)', () => {
  it('when a pair is scored from precomputed static points, then it equals the plain sum of every rule', () => {
    const { returnees: R, jobs: J, vocab } = model;
    const w = model.weights.job;
    const W = vocab.skillWords;
    for (let k = 0; k < 5_000; k++) {
      const p = g.int(R.size);
      const j = g.int(J.size);
      const sum =
        skillPoints(w, overlapCount(J.required, j * W, R.skills, p * W, W), J.requiredCount[j]!, overlapCount(J.nice, j * W, R.skills, p * W, W), J.niceCount[j]!) +
        distancePoints(w, R.commune[p] !== NO_COMMUNE && R.commune[p] === J.commune[j], vocab.tier(R.province[p]!, J.province[j]!)) +
        stabilityPoints(w, (R.prefs[p]! & PREF.stable) !== 0, (J.state[j]! & JOB.stable) !== 0) +
        wagePoints(w, J.wageMin[j]!, J.wageMax[j]!) +
        housingPoints(w, (R.prefs[p]! & PREF.housing) !== 0, (J.state[j]! & JOB.accommodation) !== 0) +
        startPoints(w, R.availableFrom[p]!, J.startDay[j]!, J.endDay[j]!, today);
      expect(pairScore(model, p, j, today)).toBe(sum);
    }
  });

  it("when one job's scorer (its side read once, tables by skills held and by tier) scores 5,000 pairs, then each equals pairScore", () => {
    let sameCommune = 0;
    for (let k = 0; k < 50; k++) {
      const j = g.int(model.jobs.size);
      const score = jobPairScorer(model, j, today);
      // the job's own commune's people too: the same-commune points come from their own branch
      const local = model.returnees.byCommune.at(model.jobs.commune[j]!);
      const people = [...Array(50).keys()].map(() => g.int(model.returnees.size)).concat(local ? [...local.items.subarray(0, Math.min(50, local.length))] : []);
      for (const p of people) {
        expect([j, p, score(p)]).toEqual([j, p, pairScore(model, p, j, today)]);
        if (model.returnees.commune[p] === model.jobs.commune[j]) sameCommune++;
      }
    }
    expect(sameCommune).toBeGreaterThan(30);
  });

  it('when 400 people ask for their top 20 jobs, then the indexed search answers exactly what the full scan answers', () => {
    let nonEmpty = 0;
    for (let k = 0; k < 400; k++) {
      const p = g.int(model.returnees.size);
      if (!model.returnees.has(p, STATE.profile)) continue;
      const fast = jobSearch(model, p, 20, now, today);
      expect(fast).toEqual(naiveJobSearch(model, p, 20, now, today));
      if (fast.length > 0) nonEmpty += 1;
    }
    expect(nonEmpty).toBeGreaterThan(300);
  });

  it("when 300 jobs ask for their top 20 candidates, whole reach, the job's province or a neighbouring one, then both searches agree", () => {
    for (let k = 0; k < 300; k++) {
      const j = g.int(model.jobs.size);
      // an officer of a province in the job's reach: the search then skips the job's commune list
      const neighbours = model.vocab.reachOf(model.jobs.province[j]!);
      const province = [undefined, model.jobs.province[j], neighbours[k % Math.max(1, neighbours.length)]][k % 3];
      expect(candidateSearch(model, j, 20, now, today, province)).toEqual(naiveCandidateSearch(model, j, 20, now, today, province));
    }
  });

  it('when jobs close, reopen elsewhere and limits vary, then the indexes stay exact', () => {
    for (let i = 0; i < 600; i++) {
      const job = syntheticJob(world, i);
      const moved = syntheticJob(world, i + 10_000);
      model.jobs.apply(i % 3 === 0 ? { ...job, status: 'closed' } : { ...job, communeCode: moved.communeCode, provinceCode: moved.provinceCode, skills: moved.skills }, 1);
    }
    for (let k = 0; k < 200; k++) {
      const p = g.int(model.returnees.size);
      const limit = 1 + g.int(50);
      expect(jobSearch(model, p, limit, now, today)).toEqual(naiveJobSearch(model, p, limit, now, today));
    }
  });
});
