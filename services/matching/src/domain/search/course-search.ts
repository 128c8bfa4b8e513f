import type { Day } from '../calendar';
import { legalExclusion } from '../exclusions.rules';
import type { Cohort } from '../model/cohort-table';
import type { MatchingModel } from '../model/matching-model';
import { PREF } from '../model/returnee-table';
import { hasBit } from '../model/skill-bits';
import { NO_COMMUNE } from '../model/vocabulary';
import {
  courseDistancePoints,
  courseHousingPoints,
  courseStartPoints,
  newSkillPoints,
  skillGapPoints,
  trainingNeedPoints,
  tuitionPoints,
} from '../scoring/course-score.rules';
import { activeRestrictions } from './pair-score';
import { skillDemand } from './skill-demand';

export interface RankedCourse {
  cohort: Cohort;
  score: number;
  /** Granted skills the person lacks, with how many open jobs in reach ask for each. */
  gap: { skill: number; demand: number }[];
  /** The sum of the points of the components, each for the reasons. */
  parts: Record<'gap' | 'newSkills' | 'distance' | 'tuition' | 'housing' | 'training' | 'start', number>;
}

/**
 * Open cohorts within the person's reach, ranked, none that a restriction forbids: not in a banned area or
 * outside a supervised commune, not training for a banned occupation or a state post under Art. 44.
 * A few thousand cohorts nationally and a few hundred in reach: scored one by one.
 */
export function courseSearch(m: MatchingModel, p: number, limit: number, nowMs: number, today: Day): RankedCourse[] {
  const { returnees: R, vocab, cohorts } = m;
  const w = m.weights.course;
  const W = vocab.skillWords;
  const r = activeRestrictions(m, p, today);
  const demand = skillDemand(m, p, nowMs, today, r);
  let topDemand = 0;
  for (let s = 0; s < demand.length; s++) if (!hasBit(R.skills, p * W, s)) topDemand = Math.max(topDemand, demand[s]!);
  const prefs = R.prefs[p]!;
  const home = R.province[p]!;
  const ranked: RankedCourse[] = [];
  for (const province of vocab.reachOf(home)) {
    for (const cohortId of cohorts.openByProvince.get(province) ?? []) {
      const c = cohorts.byId.get(cohortId)!;
      if (c.endsOn < today) continue;
      const stateAgency = (vocab.stateAgencyOccupation[c.occupation] ?? 0) !== 0;
      if (legalExclusion(r, { province: c.province, commune: c.commune, occupation: c.occupation, stateAgency }, today)) continue;
      const gap: RankedCourse['gap'] = [];
      let granted = 0;
      for (let s = 0; s < W * 32; s++) {
        if (!hasBit(c.granted, 0, s)) continue;
        granted += 1;
        if (!hasBit(R.skills, p * W, s)) gap.push({ skill: s, demand: demand[s]! });
      }
      const kinds = c.facts.support.map((s) => s.kind);
      const parts = {
        gap: skillGapPoints(w, gap.reduce((sum, g) => sum + g.demand, 0), topDemand),
        newSkills: newSkillPoints(w, gap.length, granted),
        distance: courseDistancePoints(w, c.commune !== NO_COMMUNE && c.commune === R.commune[p], vocab.tier(home, c.province)),
        tuition: tuitionPoints(w, c.facts.tuitionVnd, kinds),
        housing: courseHousingPoints(w, (prefs & PREF.housing) !== 0, kinds),
        training: trainingNeedPoints(w, (prefs & PREF.training) !== 0),
        start: courseStartPoints(w, R.availableFrom[p]!, c.startsOn),
      };
      const score = Object.values(parts).reduce((a, b) => a + b, 0);
      ranked.push({ cohort: c, score, gap: gap.sort((a, b) => b.demand - a.demand), parts });
    }
  }
  return ranked.sort((a, b) => b.score - a.score || a.cohort.facts.cohortId.localeCompare(b.cohort.facts.cohortId)).slice(0, limit);
}
