import * as calendar from '../calendar';
import type { Day } from '../calendar';
import * as vocabulary from '../model/vocabulary';
import type { DistanceTier } from '../model/vocabulary';
import * as scoring from './points';
import type { JobWeights } from './weights';

// bound once: tsx compiles imported bindings to getters, and these rules run for every person–job pair
const { FOREVER } = calendar;
const { FAR_PROVINCE, NEIGHBOUR_PROVINCE } = vocabulary;
const { points } = scoring;

/**
 * How well one job fits one person, component by component (each in centi-points). Pure functions of
 * plain values: the indexed search, the full-scan baseline and the reasons all call these.
 */

/** Required skills count most; nice-to-have ones add a little; a job that asks for none is open to beginners. */
export function skillPoints(w: JobWeights, requiredHeld: number, requiredTotal: number, niceHeld: number, niceTotal: number): number {
  const required = requiredTotal === 0 ? points(w.noSkillsRequired, 1) : points(w.requiredSkills, requiredHeld / requiredTotal);
  return required + (niceTotal === 0 ? 0 : points(w.niceToHaveSkills, niceHeld / niceTotal));
}

/** What holding every one of a job's skills adds to holding none: the most the skill points can still add. */
export function allSkillsGain(w: JobWeights, requiredTotal: number, niceTotal: number): number {
  return skillPoints(w, requiredTotal, requiredTotal, niceTotal, niceTotal) - skillPoints(w, 0, requiredTotal, 0, niceTotal);
}

/** Same commune > same province > neighbouring province > farther. */
export function distancePoints(w: JobWeights, sameCommune: boolean, tier: DistanceTier): number {
  if (sameCommune) return points(w.sameCommune, 1);
  if (tier === FAR_PROVINCE) return points(w.farProvince, 1);
  return points(tier === NEIGHBOUR_PROVINCE ? w.neighbourProvince : w.sameProvince, 1);
}

/** Stable work over seasonal, only for a person who said they prefer it. */
export function stabilityPoints(w: JobWeights, prefersStable: boolean, stable: boolean): number {
  return prefersStable && stable ? points(w.stableWhenPreferred, 1) : 0;
}

/** The middle of the wage range, from nothing at the floor to full at the reference wage. */
export function wagePoints(w: JobWeights, wageMinVnd: number, wageMaxVnd: number): number {
  const middle = (wageMinVnd + Math.max(wageMinVnd, wageMaxVnd)) / 2;
  const span = w.wageReferenceVnd - w.wageFloorVnd;
  return span <= 0 ? (middle >= w.wageReferenceVnd ? points(w.wage, 1) : 0) : points(w.wage, (middle - w.wageFloorVnd) / span);
}

/** Accommodation counts only for a person who needs housing. */
export function housingPoints(w: JobWeights, needsHousing: boolean, accommodation: boolean): number {
  return needsHousing && accommodation ? points(w.accommodationWhenNeeded, 1) : 0;
}

/**
 * Available by the job's start (or now, for a job without a start date) → full; later → less, down to
 * nothing `startGraceDays` late; available only after a season has ended → nothing.
 */
export function startPoints(w: JobWeights, availableFrom: Day, jobStart: Day, jobEnd: Day, today: Day): number {
  if (jobEnd !== FOREVER && availableFrom > jobEnd) return 0;
  const late = availableFrom - Math.max(today, jobStart);
  if (late <= 0) return points(w.startDate, 1);
  return w.startGraceDays <= 0 ? 0 : points(w.startDate, 1 - late / w.startGraceDays);
}

/** The most `startPoints` can give: the bound the indexed search prunes with. */
export function maxStartPoints(w: JobWeights): number {
  return points(w.startDate, 1);
}

/** The person-independent part of a job's score for a person without any of its skills, per preference variant. */
export function staticJobPoints(
  w: JobWeights,
  job: { requiredTotal: number; niceTotal: number; stable: boolean; wageMinVnd: number; wageMaxVnd: number; accommodation: boolean },
  prefersStable: boolean,
  needsHousing: boolean,
): number {
  return (
    skillPoints(w, 0, job.requiredTotal, 0, job.niceTotal) +
    stabilityPoints(w, prefersStable, job.stable) +
    wagePoints(w, job.wageMinVnd, job.wageMaxVnd) +
    housingPoints(w, needsHousing, job.accommodation)
  );
}
