import type { Day } from '../calendar';
import * as exclusions from '../exclusions.rules';
import type { Exclusion, Restrictions } from '../exclusions.rules';
import * as jobTable from '../model/job-table';
import type { MatchingModel } from '../model/matching-model';
import * as skillBits from '../model/skill-bits';
import * as jobRules from '../scoring/job-score.rules';
import * as vocabulary from '../model/vocabulary';

// tsx compiles every imported binding to a getter; bound once here, the per-pair code calls them directly
const { skillPoints, distancePoints, startPoints } = jobRules;
const { overlapCount } = skillBits;
const { legalExclusion, personalExclusion } = exclusions;
const { JOB, VARIANTS } = jobTable;
const { FAR_PROVINCE, NEIGHBOUR_PROVINCE, NO_COMMUNE, SAME_PROVINCE } = vocabulary;

/**
 * One person and one job, read straight from the columns: the exact score — the sum of the rules in
 * job-score.rules.ts, its person-independent part (stability, wage, housing, and the skill points of
 * someone holding none of the job's skills) precomputed per preference variant when the job arrived —
 * and whether the job may be offered at all. Both searches, indexed and full scan, call exactly these.
 */
export function pairScore(m: MatchingModel, p: number, j: number, today: Day): number {
  const R = m.returnees;
  const J = m.jobs;
  const w = m.weights.job;
  const W = m.vocab.skillWords;
  const required = J.requiredCount[j]!;
  const nice = J.niceCount[j]!;
  const requiredHeld = required === 0 ? 0 : overlapCount(J.required, j * W, R.skills, p * W, W);
  const niceHeld = nice === 0 ? 0 : overlapCount(J.nice, j * W, R.skills, p * W, W);
  const commune = R.commune[p]!;
  return (
    J.staticPoints[j * VARIANTS + (R.prefs[p]! & 3)]! -
    skillPoints(w, 0, required, 0, nice) +
    skillPoints(w, requiredHeld, required, niceHeld, nice) +
    distancePoints(w, commune === J.commune[j] && commune !== NO_COMMUNE, m.vocab.tier(R.province[p]!, J.province[j]!)) +
    startPoints(w, R.availableFrom[p]!, J.startDay[j]!, J.endDay[j]!, today)
  );
}

/**
 * `pairScore` for one job and many people, the job's side read once: the candidate search scores ~600
 * people per job. Its skill points come from a table by (required held, nice-to-have held), its distance
 * from one by tier; the same rules, so the same whole centi-points (search.test.ts holds them equal).
 */
export function jobPairScorer(m: MatchingModel, j: number, today: Day): (p: number) => number {
  const R = m.returnees;
  const J = m.jobs;
  const w = m.weights.job;
  const W = m.vocab.skillWords;
  const vocab = m.vocab;
  const required = J.requiredCount[j]!;
  const nice = J.niceCount[j]!;
  const noSkills = skillPoints(w, 0, required, 0, nice);
  const skill: number[] = [];
  for (let r = 0; r <= required; r++) for (let n = 0; n <= nice; n++) skill.push(skillPoints(w, r, required, n, nice) - noSkills);
  const byTier = [distancePoints(w, false, SAME_PROVINCE), distancePoints(w, false, NEIGHBOUR_PROVINCE), distancePoints(w, false, FAR_PROVINCE)];
  const sameCommune = distancePoints(w, true, SAME_PROVINCE);
  const [commune, province, start, end, statics, at] = [J.commune[j]!, J.province[j]!, J.startDay[j]!, J.endDay[j]!, J.staticPoints, j * VARIANTS];
  return (p) => {
    const requiredHeld = required === 0 ? 0 : overlapCount(J.required, j * W, R.skills, p * W, W);
    const niceHeld = nice === 0 ? 0 : overlapCount(J.nice, j * W, R.skills, p * W, W);
    const home = R.commune[p]!;
    return (
      statics[at + (R.prefs[p]! & 3)]! +
      skill[requiredHeld * (nice + 1) + niceHeld]! +
      (home === commune && home !== NO_COMMUNE ? sameCommune : byTier[vocab.tier(R.province[p]!, province)]!) +
      startPoints(w, R.availableFrom[p]!, start, end, today)
    );
  };
}

/** The person's restrictions if any still applies today, else undefined (the common, fast case: one column read). */
export function activeRestrictions(m: MatchingModel, p: number, today: Day): Restrictions | undefined {
  return m.returnees.restrictedUntil[p]! >= today ? m.returnees.restrictions.get(p) : undefined;
}

/** Why this job may not be offered to this person (null: it may). Open, not past closing, in reach, no exclusion. */
export function pairBarrier(m: MatchingModel, p: number, j: number, nowMs: number, today: Day, r: Restrictions | undefined): Exclusion | 'not-open' | 'out-of-reach' | null {
  const J = m.jobs;
  if (!J.isOpen(j) || J.closesAt[j]! <= nowMs) return 'not-open';
  if (m.vocab.reach !== 'national' && m.vocab.tier(m.returnees.province[p]!, J.province[j]!) === FAR_PROVINCE) return 'out-of-reach';
  const personal = personalExclusion(m.returnees.age[p]!, m.returnees.physical[p]!, J.minimumAge[j]!, J.physical[j]!);
  if (personal) return personal;
  return legalExclusion(r, { province: J.province[j]!, commune: J.commune[j]!, occupation: J.occupation[j]!, stateAgency: (J.state[j]! & JOB.stateAgency) !== 0 }, today);
}
