import type { Day } from '../calendar';
import type { PostingList } from '../indexes/posting-list';
import { VARIANTS } from '../model/job-table';
import type { MatchingModel } from '../model/matching-model';
import { STATE } from '../model/returnee-table';
import { distancePoints, maxStartPoints, skillPoints, startPoints } from '../scoring/job-score.rules';
import type { Ranked } from './job-search';
import { activeRestrictions, pairBarrier, pairScore } from './pair-score';

/**
 * Top-N discoverable returnees for one job: the mirror of `jobSearch` over the returnee indexes (commune,
 * province × skill, then the province lists), each province skipped when an upper bound of what its people
 * could score — the job's best static score, its full skill points, the province's distance — is below
 * the heap's weakest. `onlyProvince` (a
 * province id) keeps an officer to the people of their own province. Anyone an exclusion forbids is
 * dropped before entering the heap, so never shown or counted.
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
  const reach = Array.from(vocab.reachOf(home)).filter((province) => onlyProvince === undefined || province === onlyProvince);

  const consider = (p: number, score: number) => {
    if (heap.admits(score, p) && pairBarrier(m, p, j, nowMs, today, activeRestrictions(m, p, today)) === null) heap.offer(score, p);
  };
  const exact = (list: PostingList | undefined) => {
    if (!list) return;
    for (let i = 0; i < list.length; i++) {
      const p = list.items[i]!;
      if (marks.mark(p)) consider(p, pairScore(m, p, j, today));
    }
  };

  if (reach.includes(home)) exact(R.byCommune.at(J.commune[j]!));
  const skills: number[] = [];
  for (let s = 0; s < S; s++) {
    const bit = 1 << (s & 31);
    if (((J.required[j * W + (s >>> 5)]! | J.nice[j * W + (s >>> 5)]!) & bit) !== 0) skills.push(s);
  }
  let bestStatic = 0;
  for (let v = 0; v < VARIANTS; v++) bestStatic = Math.max(bestStatic, J.staticPoints[j * VARIANTS + v]!);
  // the job's own skills bound what anyone can score on them; the home province comes first in `reach`,
  // so a neighbouring province is often skipped whole once the heap holds better-placed people
  const required = J.requiredCount[j]!;
  const bestSkills = skillPoints(w, required, required, J.niceCount[j]!, J.niceCount[j]!) - skillPoints(w, 0, required, 0, J.niceCount[j]!);
  for (const province of reach) {
    const distance = distancePoints(w, false, vocab.tier(home, province));
    if (heap.full && bestStatic + bestSkills + distance + maxStart < heap.minScore) continue;
    for (const s of skills) exact(R.byProvinceSkill.at(province * S + s));
  }

  for (const province of reach) {
    const distance = distancePoints(w, false, vocab.tier(home, province));
    if (heap.full && bestStatic + distance + maxStart < heap.minScore) continue;
    const list = R.byProvince.at(province);
    if (!list) continue;
    for (let i = 0; i < list.length; i++) {
      const p = list.items[i]!;
      if (marks.isMarked(p)) continue;
      const base = J.staticPoints[j * VARIANTS + (R.prefs[p]! & 3)]! + distance;
      if (heap.full && base + maxStart < heap.minScore) continue;
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
