import type { Day } from '../calendar';
import type { Restrictions } from '../exclusions.rules';
import type { PostingList } from '../indexes/posting-list';
import type { RankedList } from '../indexes/ranked-list';
import * as jobTable from '../model/job-table';
import type { MatchingModel } from '../model/matching-model';
import { bitIds } from '../model/skill-bits';
import * as jobRules from '../scoring/job-score.rules';
import * as pairs from './pair-score';

// bound once: tsx compiles imported bindings to getters (see pair-score.ts)
const { activeRestrictions, pairBarrier, pairScore } = pairs;
const { distancePoints, maxStartPoints, startPoints } = jobRules;
const { VARIANTS } = jobTable;

export interface Ranked {
  score: number;
  slot: number;
}

/**
 * Top-N open jobs for one person, from the indexes. Three passes over the jobs in the person's reach
 * (own province and neighbours, own province first), each job scored at most once:
 *  1. jobs in the person's commune, scored exactly (under Art. 43 supervision: the supervised commune's, and
 *     nothing else);
 *  2. jobs that share a skill with the person: the province × skill lists of the person's preference
 *     variant, ranked by the most each job could score in that province (static points, all its skills
 *     held, the best start). Scored exactly down a list until that bound cannot beat the heap's weakest:
 *     the rest of the list cannot either;
 *  3. the jobs not scored yet: their static score + distance + start is exact for those that share no skill
 *     and below the truth for those a list let go (which were already below the heap's weakest, and stay
 *     so), so none enters the heap wrongly. A province is skipped when even its best static score cannot
 *     reach the heap's weakest, and a job is skipped on the same bound before its start date is looked at.
 * Exclusions are checked only for a job about to enter the heap, so the result equals the full scan's
 * (`naiveJobSearch`) — same rules, same tie-break — while touching a fraction of the jobs.
 */
export function jobSearch(m: MatchingModel, p: number, limit: number, nowMs: number, today: Day): Ranked[] {
  const { jobs: J, returnees: R, vocab, heap, jobMarks: marks } = m;
  const w = m.weights.job;
  const W = vocab.skillWords;
  const S = W * 32;
  const r = activeRestrictions(m, p, today);
  const home = R.province[p]!;
  const variant = R.prefs[p]! & 3;
  const maxStart = maxStartPoints(w);
  heap.reset(limit);
  marks.begin(J.size);

  const consider = (j: number, score: number) => {
    if (heap.admits(score, j) && pairBarrier(m, p, j, nowMs, today, r) === null) heap.offer(score, j);
  };
  const exact = (list: PostingList | undefined) => {
    if (!list) return;
    for (let i = 0; i < list.length; i++) {
      const j = list.items[i]!;
      if (marks.mark(j)) consider(j, pairScore(m, p, j, today));
    }
  };
  // a ranked list, down to the first job whose bound (its key + `ceiling`) the heap's weakest beats
  const exactWhileAbove = (list: RankedList | undefined, ceiling: number) => {
    if (!list) return;
    for (let i = 0; i < list.length; i++) {
      if (heap.full && list.keys[i]! + ceiling < heap.minScore) return;
      const j = list.rows[i]!;
      if (marks.mark(j)) consider(j, pairScore(m, p, j, today));
    }
  };

  // Art. 43: nothing outside the supervised commune may be offered, so nothing else is worth reading
  if (r?.supervised && r.supervised.until >= today) {
    exact(J.byCommune.at(r.supervised.commune));
    return heap.drain();
  }
  const reach = vocab.reachOf(home);
  exact(J.byCommune.at(R.commune[p]!));
  const skills = bitIds(R.skills, p * W, W);
  for (let k = 0; k < reach.length; k++) {
    const ceiling = distancePoints(w, false, vocab.tier(home, reach[k]!)) + maxStart;
    for (const s of skills) exactWhileAbove(J.byProvinceSkill.at((reach[k]! * S + s) * VARIANTS + variant), ceiling);
  }

  const availableFrom = R.availableFrom[p]!;
  for (let k = 0; k < reach.length; k++) {
    const province = reach[k]!;
    const distance = distancePoints(w, false, vocab.tier(home, province));
    if (heap.full && J.maxStatic[province * VARIANTS + variant]! + distance + maxStart < heap.minScore) continue;
    const list = J.byProvince.at(province);
    if (!list) continue;
    for (let i = 0; i < list.length; i++) {
      const j = list.items[i]!;
      if (marks.isMarked(j)) continue;
      const base = J.staticPoints[j * VARIANTS + variant]! + distance;
      if (heap.full && base + maxStart < heap.minScore) continue;
      consider(j, base + startPoints(w, availableFrom, J.startDay[j]!, J.endDay[j]!, today));
    }
  }
  return heap.drain();
}

/** The baseline: every job scored with the same rules, the same exclusions and the same heap. */
export function naiveJobSearch(m: MatchingModel, p: number, limit: number, nowMs: number, today: Day): Ranked[] {
  const r: Restrictions | undefined = activeRestrictions(m, p, today);
  m.heap.reset(limit);
  for (let j = 0; j < m.jobs.size; j++) {
    if (pairBarrier(m, p, j, nowMs, today, r) !== null) continue;
    m.heap.offer(pairScore(m, p, j, today), j);
  }
  return m.heap.drain();
}
