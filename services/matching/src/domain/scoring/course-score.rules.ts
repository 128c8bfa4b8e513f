import type { Day } from '../calendar';
import { FAR_PROVINCE, NEIGHBOUR_PROVINCE, type DistanceTier } from '../model/vocabulary';
import { points } from './points';
import type { CourseWeights } from './weights';

/**
 * How well one cohort fits one person. The skill gap is the heart of it: a course ranks higher when it
 * grants the skills that open jobs within the person's reach ask for most and the person lacks.
 */

/** `gapDemand`: open jobs in reach asking for the granted skills the person lacks; `topDemand`: the most any one missing skill is asked for. */
export function skillGapPoints(w: CourseWeights, gapDemand: number, topDemand: number): number {
  return topDemand > 0 ? points(w.skillGap, gapDemand / topDemand) : 0;
}

/** Share of the granted skills that would be new to the person. */
export function newSkillPoints(w: CourseWeights, newSkills: number, grantedSkills: number): number {
  return grantedSkills > 0 ? points(w.newSkills, newSkills / grantedSkills) : 0;
}

export function courseDistancePoints(w: CourseWeights, sameCommune: boolean, tier: DistanceTier): number {
  if (sameCommune) return points(w.sameCommune, 1);
  if (tier === FAR_PROVINCE) return points(w.farProvince, 1);
  return points(tier === NEIGHBOUR_PROVINCE ? w.neighbourProvince : w.sameProvince, 1);
}

/** Free (no tuition, or exempted under Decree 49/2020) > reduced > full tuition. */
export function tuitionPoints(w: CourseWeights, tuitionVnd: number, supportKinds: readonly string[]): number {
  if (tuitionVnd === 0 || supportKinds.includes('tuition-exempt')) return points(w.freeTuition, 1);
  return supportKinds.includes('tuition-reduced') ? points(w.reducedTuition, 1) : 0;
}

export function courseHousingPoints(w: CourseWeights, needsHousing: boolean, supportKinds: readonly string[]): number {
  return needsHousing && supportKinds.includes('accommodation') ? points(w.accommodationWhenNeeded, 1) : 0;
}

export function trainingNeedPoints(w: CourseWeights, needsTraining: boolean): number {
  return needsTraining ? points(w.trainingNeed, 1) : 0;
}

/** The person can be there on the first day. */
export function courseStartPoints(w: CourseWeights, availableFrom: Day, startsOn: Day): number {
  return availableFrom <= startsOn ? points(w.startDate, 1) : 0;
}
