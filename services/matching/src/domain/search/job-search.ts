import type { Day } from '../calendar';
import type { Restrictions } from '../exclusions.rules';
import type { PostingList } from '../indexes/posting-list';
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
 * (own province and neighbours), each job seen once:
 *  1. jobs in the person's commune, scored exactly (under Art. 43 supervision: the supervised commune's, and
 *     nothing else);
 *  2. jobs that share a skill with the person (province × skill lists), scored exactly;
 *  3. the rest share no skill, so their exact score is their precomputed static score + distance + start:
 *     a province is skipped when even its best static score cannot reach the heap's weakest, and a job
 *     is skipped on the same bound before its start date is looked at.
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

  // Art. 43: nothing outside the supervised commune may be offered, so nothing else is worth reading
  if (r?.supervised && r.supervised.until >= today) {
    exact(J.byCommune.at(r.supervised.commune));
    return heap.drain();
  }
  const reach = vocab.reachOf(home);
  exact(J.byCommune.at(R.commune[p]!));
  const skills = bitIds(R.skills, p * W, W);
  for (let k = 0; k < reach.length; k++) for (const s of skills) exact(J.byProvinceSkill.at(reach[k]! * S + s));

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
