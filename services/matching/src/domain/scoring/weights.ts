/**
 * Scoring weights: points at full match for each component; every total is out of about 100. They are
 * configuration (MATCHING_WEIGHTS, a JSON object merged over these defaults) so that a province can tune
 * them without a code change; the rules that use them are pure functions in *.rules.ts.
 */
export interface JobWeights {
  /** All of the job's required skills held. */
  requiredSkills: number;
  /** All of its nice-to-have skills held. */
  niceToHaveSkills: number;
  /** A job that requires no skill at all (open to beginners). */
  noSkillsRequired: number;
  sameCommune: number;
  sameProvince: number;
  neighbourProvince: number;
  farProvince: number;
  /** A stable job for a person who prefers stable work. */
  stableWhenPreferred: number;
  /** A wage at or above `wageReferenceVnd`, nothing at or below `wageFloorVnd`, linear between. */
  wage: number;
  wageFloorVnd: number;
  wageReferenceVnd: number;
  /** Accommodation offered to a person who needs housing. */
  accommodationWhenNeeded: number;
  /** The person is available by the job's start; decays to nothing over `startGraceDays` late. */
  startDate: number;
  startGraceDays: number;
}

export interface CourseWeights {
  /** Grants the skill that nearby open jobs ask for most among those the person lacks. */
  skillGap: number;
  /** Share of the granted skills the person does not hold yet. */
  newSkills: number;
  sameCommune: number;
  sameProvince: number;
  neighbourProvince: number;
  farProvince: number;
  /** No tuition, or tuition exempted (Decree 49/2020 support). */
  freeTuition: number;
  reducedTuition: number;
  accommodationWhenNeeded: number;
  /** The person asked for training. */
  trainingNeed: number;
  /** Starts after the person is available. */
  startDate: number;
}

export interface CreditWeights {
  /** Self-employment or a business plan is the person's goal (production loans). */
  businessGoal: number;
  /** The person asked for a loan. */
  loanNeed: number;
  /** The person asked for training (training loans). */
  trainingNeed: number;
  /** Eligibility facts shared with the bank say the person can apply. */
  eligible: number;
}

export interface Weights {
  job: JobWeights;
  course: CourseWeights;
  credit: CreditWeights;
}

export const DEFAULT_WEIGHTS: Weights = Object.freeze({
  job: {
    requiredSkills: 40,
    niceToHaveSkills: 10,
    noSkillsRequired: 15,
    sameCommune: 20,
    sameProvince: 12,
    neighbourProvince: 5,
    farProvince: 0,
    stableWhenPreferred: 10,
    wage: 10,
    wageFloorVnd: 4_000_000,
    wageReferenceVnd: 12_000_000,
    accommodationWhenNeeded: 10,
    startDate: 10,
    startGraceDays: 30,
  },
  course: {
    skillGap: 40,
    newSkills: 15,
    sameCommune: 15,
    sameProvince: 10,
    neighbourProvince: 4,
    farProvince: 0,
    freeTuition: 10,
    reducedTuition: 5,
    accommodationWhenNeeded: 5,
    trainingNeed: 10,
    startDate: 5,
  },
  credit: { businessGoal: 50, loanNeed: 25, trainingNeed: 25, eligible: 20 },
});

/** Merges a partial override (from configuration) over the defaults; throws naming the first bad key. */
export function mergeWeights(override: unknown): Weights {
  if (override === undefined || override === null) return DEFAULT_WEIGHTS;
  if (typeof override !== 'object') throw new Error('weights must be a JSON object');
  const merged: Record<string, Record<string, number>> = {};
  for (const [section, defaults] of Object.entries(DEFAULT_WEIGHTS) as [string, Record<string, number>][]) {
    const given = (override as Record<string, unknown>)[section] ?? {};
    if (typeof given !== 'object' || given === null) throw new Error(`weights.${section} must be an object`);
    for (const key of Object.keys(given)) {
      if (!(key in defaults)) throw new Error(`weights.${section}.${key} is not a weight`);
      const value = (given as Record<string, unknown>)[key];
      if (typeof value !== 'number' || !Number.isFinite(value) || value < 0) throw new Error(`weights.${section}.${key} must be a number ≥ 0`);
    }
    merged[section] = { ...defaults, ...(given as Record<string, number>) };
  }
  for (const key of Object.keys(override)) if (!(key in DEFAULT_WEIGHTS)) throw new Error(`weights.${key} is not a section`);
  return merged as unknown as Weights;
}
