import { dayOf } from '../src/domain/calendar';
import { STATE } from '../src/domain/model/returnee-table';
import { candidateSearch, naiveCandidateSearch } from '../src/domain/search/candidate-search';
import { jobSearch, naiveJobSearch } from '../src/domain/search/job-search';
import { loadSynthetic } from '../src/synthetic/load-synthetic';
import { syntheticJob } from '../src/synthetic/synthetic-offers';
import { Prng } from '../src/synthetic/prng';

const TODAY = '2026-11-23';
const today = dayOf(TODAY);
const now = Date.parse(`${TODAY}T03:00:00Z`);
const { model, world } = loadSynthetic({ returnees: 3_000, jobs: 4_000, cohorts: 100 }, { today: TODAY, seed: 7 });
const g = new Prng(99);

describe('indexed search vs the full scan (same rules, same data)', () => {
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

  it('when 300 jobs ask for their top 20 candidates, whole reach or one province, then both searches agree', () => {
    for (let k = 0; k < 300; k++) {
      const j = g.int(model.jobs.size);
      const province = k % 2 === 0 ? undefined : model.jobs.province[j];
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
