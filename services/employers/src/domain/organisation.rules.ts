import { isStateAgencyPost, type EmployerSector } from '@hoanhap/reference';
import type { Organisation, OrganisationProfile, Sector } from './organisation.types';
import { locationIssues, throwIfAny } from './reference.rules';

/** The fair-chance pledge's current text version; accepting records it with the person and the date. */
export const PLEDGE_VERSION = '2025-1';

export function checkProfile(profile: OrganisationProfile): void {
  throwIfAny(locationIssues('ORGANISATION', profile.provinceCode, profile.communeCode));
}

/**
 * A verified organisation that changes its tax code is a different legal
 * entity as far as the officer who verified it knows: back to pending.
 */
export function verificationAfterEdit(current: Organisation | undefined, next: OrganisationProfile): Organisation['verification'] {
  if (!current) return { status: 'pending' };
  if (current.verification.status !== 'pending' && current.taxCode !== next.taxCode) return { status: 'pending' };
  return current.verification;
}

/** Public bodies (state-owned firms, public service units such as public schools) for Penal Code Art. 44. */
const PUBLIC_SECTORS: readonly Sector[] = ['state-owned', 'public-service-unit'];

export function employerSector(sector: Sector | undefined): EmployerSector {
  if (sector === undefined) return 'unknown';
  return PUBLIC_SECTORS.includes(sector) ? 'public' : 'private';
}

/** Whether a job at this employer is a state post a person under Art. 44 may not take (matching excludes it). */
export const isStateAgencyJob = (occupationCode: string, sector: Sector | undefined) =>
  isStateAgencyPost(occupationCode, employerSector(sector));

export const isVerified = (organisation: Organisation | undefined) => organisation?.verification.status === 'verified';
