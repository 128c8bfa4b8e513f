import type { Restrictions } from './returnee.types';

/**
 * Penal Code Art. 41(3), 42(2), 43(2), 44(2): an additional penalty runs from the day the prison term is
 * completed (or the judgment takes effect, for non-custodial and suspended sentences) — the release date here —
 * through its `until` date inclusive: active on its first and last day, over on the day after.
 */
export function isActiveOn(startsOn: string, until: string | undefined, today: string): boolean {
  return today >= startsOn && (until === undefined || today <= until);
}

/** The restrictions in force on `today`: what matching must not offer, and what the officer sees as active. */
export function activeRestrictions(restrictions: Restrictions, releaseDate: string, today: string): Restrictions {
  const active = (until: string | undefined) => isActiveOn(releaseDate, until, today);
  const supervised = restrictions.supervisedCommune;
  const noStateAgencyWork = restrictions.noStateAgencyWork && active(restrictions.noStateAgencyWorkUntil);
  return {
    bannedOccupations: restrictions.bannedOccupations.filter((r) => active(r.until)),
    bannedAreas: restrictions.bannedAreas.filter((r) => active(r.until)),
    supervisedCommune: supervised && active(supervised.until) ? supervised : null,
    noStateAgencyWork,
    ...(noStateAgencyWork && restrictions.noStateAgencyWorkUntil ? { noStateAgencyWorkUntil: restrictions.noStateAgencyWorkUntil } : {}),
  };
}
