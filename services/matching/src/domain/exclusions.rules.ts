import type { Day } from './calendar';
import * as vocabulary from './model/vocabulary';

// bound once: tsx compiles imported bindings to getters, and these rules run for every pair that may enter a top N
const { NO_COMMUNE } = vocabulary;

/**
 * Hard exclusions: what matching must never offer, whatever the score (ARCHITECTURE §4). The legal ones
 * come from the "do not offer" facts cases publishes (Penal Code 2015): each applies while
 * `today <= until` (the last day included) and stops the day after. An excluded job, course or person is
 * skipped before ranking, so it is never shown, counted or explained — to anyone.
 */
export type Exclusion =
  /** Art. 41: ban on practising an occupation. */
  | 'art41-occupation'
  /** Art. 42: ban on residing in a province or commune. */
  | 'art42-area'
  /** Art. 43: supervised residence — live and work only in the supervised commune. */
  | 'art43-outside-supervised-commune'
  /** Art. 44: no work in state agencies. */
  | 'art44-state-agency'
  /** The job's minimum age is above the person's age. */
  | 'below-minimum-age'
  /** The job's physical demands are above what the person can do. */
  | 'physical-demands';

export const EXCLUSION_SOURCES: Readonly<Record<Exclusion, string>> = Object.freeze({
  'art41-occupation': 'Bộ luật Hình sự 2015, Điều 41 (cấm đảm nhiệm chức vụ, cấm hành nghề hoặc làm công việc nhất định)',
  'art42-area': 'Bộ luật Hình sự 2015, Điều 42 (cấm cư trú)',
  'art43-outside-supervised-commune': 'Bộ luật Hình sự 2015, Điều 43 (quản chế)',
  'art44-state-agency': 'Bộ luật Hình sự 2015, Điều 44 (tước một số quyền công dân: làm việc trong cơ quan nhà nước)',
  'below-minimum-age': "The employer's minimumAge (employers.job.posted.v1)",
  'physical-demands': 'Bộ luật Lao động 2019, Điều 147 (no heavy work under 18); health needs recorded by the officer',
});

/** A person's restrictions with codes interned; `until` days are inclusive. */
export interface Restrictions {
  bannedOccupations: readonly { occupation: number; until: Day }[];
  /** `commune` is NO_COMMUNE when the whole province is banned. */
  bannedAreas: readonly { province: number; commune: number; until: Day }[];
  supervised: { province: number; commune: number; until: Day } | null;
  /** Last day of the Art. 44 ban; NO_DAY when there is none, FOREVER when it has no end date. */
  noStateAgencyUntil: Day;
}

/** The last day any of `r` applies: once it is past, nothing is left to check. */
export function lastRestrictedDay(r: Restrictions): Day {
  let last = Math.max(r.noStateAgencyUntil, r.supervised?.until ?? r.noStateAgencyUntil);
  for (const b of r.bannedOccupations) last = Math.max(last, b.until);
  for (const a of r.bannedAreas) last = Math.max(last, a.until);
  return last;
}

/** True while any restriction still applies on `today` (false = nothing to check, the fast path). */
export function anyActive(r: Restrictions, today: Day): boolean {
  return lastRestrictedDay(r) >= today;
}

/**
 * Art. 42 and 43 for a place. `commune` may be NO_COMMUNE (a cohort that names only its province): then a
 * commune-level ban in that province, or supervision anywhere, excludes it — when in doubt, do not offer.
 */
export function placeExclusion(r: Restrictions, province: number, commune: number, today: Day): Exclusion | null {
  for (const area of r.bannedAreas) {
    if (area.until < today || area.province !== province) continue;
    if (area.commune === NO_COMMUNE || commune === NO_COMMUNE || area.commune === commune) return 'art42-area';
  }
  const s = r.supervised;
  if (s !== null && s.until >= today && (commune === NO_COMMUNE || commune !== s.commune)) return 'art43-outside-supervised-commune';
  return null;
}

/** Art. 41 and 44 for an occupation; `stateAgency` = the post is in a state agency (job flag or VSCO code). */
export function occupationExclusion(r: Restrictions, occupation: number, stateAgency: boolean, today: Day): Exclusion | null {
  for (const ban of r.bannedOccupations) if (ban.occupation === occupation && ban.until >= today) return 'art41-occupation';
  if (stateAgency && r.noStateAgencyUntil >= today) return 'art44-state-agency';
  return null;
}

/** Physical demands and capacities, light < moderate < heavy; 0 = not stated. */
export const PHYSICAL = Object.freeze({ none: 0, light: 1, moderate: 2, heavy: 3 });
export type PhysicalLevel = keyof typeof PHYSICAL;

/**
 * What a person can be offered physically: the capacity cases states, if it does; otherwise moderate
 * work at most for a person with a health need or under 18 (Labour Code 2019 Art. 147), else any.
 */
export function physicalCapacity(ageYears: number, needs: readonly string[], stated?: PhysicalLevel): number {
  const cap = stated && stated !== 'none' ? PHYSICAL[stated] : needs.includes('health') ? PHYSICAL.moderate : PHYSICAL.heavy;
  return ageYears < 18 ? Math.min(cap, PHYSICAL.moderate) : cap;
}

/** Minimum age and physical demands (0 = the job states none). */
export function personalExclusion(ageYears: number, capacity: number, minimumAge: number, physicalDemand: number): Exclusion | null {
  if (minimumAge > 0 && ageYears < minimumAge) return 'below-minimum-age';
  if (physicalDemand > capacity) return 'physical-demands';
  return null;
}

export interface ExcludablePlace {
  province: number;
  commune: number;
  occupation: number;
  stateAgency: boolean;
}

/** Every legal exclusion of one job or course for one person, or null when it may be offered. */
export function legalExclusion(r: Restrictions | undefined, place: ExcludablePlace, today: Day): Exclusion | null {
  if (r === undefined) return null;
  return occupationExclusion(r, place.occupation, place.stateAgency, today) ?? placeExclusion(r, place.province, place.commune, today);
}
