import { dayOf, FOREVER, NO_DAY } from '../calendar';
import type { Restrictions } from '../exclusions.rules';
import type { RestrictionFacts } from './facts';
import { NO_COMMUNE, NO_PROVINCE, type Vocabulary } from './vocabulary';

const idOr = (id: number, none: number) => (id < 0 ? none : id);

/** Interns a restrictions payload; undefined when it restricts nothing (most people: no entry at all). */
export function compileRestrictions(v: Vocabulary, r: RestrictionFacts): Restrictions | undefined {
  const bannedOccupations = r.bannedOccupations.map((b) => ({ occupation: v.occupations.intern(b.code), until: dayOf(b.until) }));
  const bannedAreas = r.bannedAreas.map((a) => ({
    province: idOr(v.provinces.intern(a.provinceCode), NO_PROVINCE),
    commune: a.communeCode ? idOr(v.communes.intern(a.communeCode), NO_COMMUNE) : NO_COMMUNE,
    until: dayOf(a.until),
  }));
  const s = r.supervisedCommune;
  const supervised = s
    ? { province: idOr(v.provinces.intern(s.provinceCode), NO_PROVINCE), commune: idOr(v.communes.intern(s.communeCode), NO_COMMUNE), until: dayOf(s.until) }
    : null;
  // Art. 44 without an end date applies until cases publishes one
  const noStateAgencyUntil = r.noStateAgencyWork ? (r.noStateAgencyWorkUntil ? dayOf(r.noStateAgencyWorkUntil) : FOREVER) : NO_DAY;
  if (bannedOccupations.length === 0 && bannedAreas.length === 0 && !supervised && noStateAgencyUntil === NO_DAY) return undefined;
  return { bannedOccupations, bannedAreas, supervised, noStateAgencyUntil };
}
