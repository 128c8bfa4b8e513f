import type { Day } from '../calendar';
import type { PostingList } from '../indexes/posting-list';
import * as jobTable from '../model/job-table';
import type { MatchingModel } from '../model/matching-model';
import { STATE } from '../model/returnee-table';
import { bitIds } from '../model/skill-bits';
import * as jobRules from '../scoring/job-score.rules';
import type { Ranked } from './job-search';
import * as pairs from './pair-score';

// bound once: tsx compiles imported bindings to getters (see pair-score.ts)
const { activeRestrictions, jobPairScorer, pairBarrier, pairScore } = pairs;
const { distancePoints, maxStartPoints, skillPoints, startPoints } = jobRules;
const { VARIANTS } = jobTable;

/**
 * Top-N discoverable returnees for one job: the mirror of `jobSearch` over the returnee indexes. People of
 * the job's commune first; then the lists of province × preference variant × skill — required skills,
 * then nice-to-have ones on a lower bound — visited from the highest upper bound down (the job's static score for that variant, full skill points, the province's
 * distance, full start points), each skipped when its bound is below the heap's weakest; then the people
 * who share no skill, per province × variant, on the same kind of bound. `onlyProvince` (a province id)
 * keeps an officer to the people of their own province. Anyone an exclusion forbids is dropped before
 * entering the heap, so never shown or counted.
 */
export function candidateSearch(m: MatchingModel, j: number, limit: number, nowMs: number, today: Day, onlyProvince?: number): Ranked[] {
  const { jobs: J, returnees: R, vocab, heap, personMarks: marks } = m;
  const w = m.weights.job;
  const W = vocab.skillWords;
  const S = W * 32;
  const home = J.province[j]!;
  const maxStart = maxStartPoints(w);
  heap.reset(limit);
  marks.begin(R.size);

  const consider = (p: number, score: number) => {
    if (heap.admits(score, p) && pairBarrier(m, p, j, nowMs, today, activeRestrictions(m, p, today)) === null) heap.offer(score, p);
  };
  const score = jobPairScorer(m, j, today);
  const exact = (list: PostingList | undefined) => {
    if (!list) return;
    for (let i = 0; i < list.length; i++) {
      const p = list.items[i]!;
      if (marks.mark(p)) consider(p, score(p));
    }
  };

  const requiredSkills = bitIds(J.required, j * W, W);
  const niceSkills = bitIds(J.nice, j * W, W).filter((s) => !requiredSkills.includes(s));
  const required = J.requiredCount[j]!;
  const nice = J.niceCount[j]!;
  const noSkills = skillPoints(w, 0, required, 0, nice);
  const bestSkills = skillPoints(w, required, required, nice, nice) - noSkills;
  // someone reached only through a nice-to-have list holds none of the required skills
  const bestNiceOnly = skillPoints(w, 0, required, nice, nice) - noSkills;
  // (province, variant) groups in reach, best bound first
  const groups: { province: number; variant: number; bound: number }[] = [];
  for (const province of vocab.reachOf(home)) {
    if (onlyProvince !== undefined && province !== onlyProvince) continue;
    const distance = distancePoints(w, false, vocab.tier(home, province));
    for (let variant = 0; variant < VARIANTS; variant++) groups.push({ province, variant, bound: J.staticPoints[j * VARIANTS + variant]! + distance + maxStart });
  }
  groups.sort((a, b) => b.bound - a.bound);

  if (onlyProvince === undefined || onlyProvince === home) exact(R.byCommune.at(J.commune[j]!));
  for (const [skills, best] of [[requiredSkills, bestSkills], [niceSkills, bestNiceOnly]] as const) {
    for (const g of groups) {
      if (heap.full && g.bound + best < heap.minScore) continue;
      for (const s of skills) exact(R.byProvinceSkill.at((g.province * S + s) * VARIANTS + g.variant));
    }
  }
  for (const g of groups) {
    if (heap.full && g.bound < heap.minScore) continue;
    const list = R.byProvince.at(g.province * VARIANTS + g.variant);
    const base = g.bound - maxStart;
    for (let i = 0; list && i < list.length; i++) {
      const p = list.items[i]!;
      if (marks.isMarked(p)) continue;
      if (heap.full && base + maxStart < heap.minScore) break;
      consider(p, base + startPoints(w, R.availableFrom[p]!, J.startDay[j]!, J.endDay[j]!, today));
    }
  }
  return heap.drain();
}

/** The baseline: every returnee checked and scored with the same rules and heap. */
export function naiveCandidateSearch(m: MatchingModel, j: number, limit: number, nowMs: number, today: Day, onlyProvince?: number): Ranked[] {
  const R = m.returnees;
  m.heap.reset(limit);
  for (let p = 0; p < R.size; p++) {
    if (!R.has(p, STATE.discoverable) || (onlyProvince !== undefined && R.province[p] !== onlyProvince)) continue;
    if (pairBarrier(m, p, j, nowMs, today, activeRestrictions(m, p, today)) !== null) continue;
    m.heap.offer(pairScore(m, p, j, today), p);
  }
  return m.heap.drain();
}
