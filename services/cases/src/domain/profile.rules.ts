import { commune } from '@hoanhap/reference';
import { ageOn } from './calendar.rules';
import { creditWindowEndsOn, releaseKindEligible } from './credit-window.rules';
import type { Returnee } from './returnee';
import type { ConsentFlags, Restrictions } from './returnee.types';

/**
 * What other services may know of a returnee (ARCHITECTURE §2): each section only while its consent is given.
 * Never the full name, national ID, phone, address line, offence, sentence or grade.
 */
export interface ProfileFacts {
  returneeId: string;
  consent: ConsentFlags;
  matching?: {
    provinceCode: string;
    communeCode: string;
    skills: string[];
    certificates: { certificateId: string; occupationCode?: string; skills: string[]; issuedOn: string }[];
    needs: string[];
    availableFrom?: string;
    ageYears: number;
    gender: string;
    prefersStable?: boolean;
    needsHousing: boolean;
    goal?: string;
  };
  employerView?: {
    givenName: string;
    skills: string[];
    certificates: { occupationCode?: string; skills: string[]; issuedOn: string }[];
    availableFrom?: string;
  };
  collegeView?: { givenName: string; skills: string[] };
  bankView?: { givenName: string; provinceCode: string; communeCode: string; creditWindowEndsOn: string; releaseKindEligible: boolean };
}

/** A Vietnamese name's given name is its LAST word ("Nguyễn Văn An" → "An"): the only part of a name shared. */
export function givenNameOf(fullName: string): string {
  return fullName.normalize('NFC').trim().split(/\s+/).at(-1) ?? '';
}

const consentFlags = (r: Returnee): ConsentFlags => ({
  matching: r.consent.matching,
  shareWithEmployers: r.consent.shareWithEmployers,
  shareWithColleges: r.consent.shareWithColleges,
  shareWithBank: r.consent.shareWithBank,
  discoverable: r.consent.discoverable,
});

/** The consent-scoped profile as of `today` (ageYears changes with it). Sections are absent without consent. */
export function profileFacts(r: Returnee, today: string): ProfileFacts {
  const consent = consentFlags(r);
  const givenName = givenNameOf(r.fullName);
  const availableFrom = r.preferences?.availableFrom;
  const certificates = r.certificates.map((c) => ({
    certificateId: c.certificateId,
    occupationCode: c.occupationCode,
    skills: c.skills,
    issuedOn: c.issuedOn,
  }));
  const facts: ProfileFacts = { returneeId: r.id, consent };
  if (consent.matching) {
    facts.matching = {
      provinceCode: r.address.provinceCode,
      communeCode: r.address.communeCode,
      skills: r.skills,
      certificates,
      needs: r.needs,
      ...(availableFrom && { availableFrom }),
      ageYears: ageOn(r.dateOfBirth, today),
      gender: r.gender,
      ...(r.preferences?.prefersStable !== undefined && { prefersStable: r.preferences.prefersStable }),
      needsHousing: r.needs.includes('housing'),
      ...(r.preferences?.goal && { goal: r.preferences.goal }),
    };
  }
  if (consent.shareWithEmployers) {
    facts.employerView = {
      givenName,
      skills: r.skills,
      certificates: certificates.map(({ certificateId: _id, ...c }) => c),
      ...(availableFrom && { availableFrom }),
    };
  }
  if (consent.shareWithColleges) facts.collegeView = { givenName, skills: r.skills };
  if (consent.shareWithBank) {
    facts.bankView = {
      givenName,
      provinceCode: r.address.provinceCode,
      communeCode: r.address.communeCode,
      creditWindowEndsOn: creditWindowEndsOn(r.releaseDate),
      releaseKindEligible: releaseKindEligible(r.releaseKind),
    };
  }
  return facts;
}

/**
 * "Do not offer" facts for matching only (Penal Code Art. 41–44), always published whatever the consent:
 * they protect the public and the returnee, and are never shown to an organisation.
 */
export function restrictionFacts(r: Returnee): { returneeId: string } & Omit<Restrictions, 'supervisedCommune'> & {
    supervisedCommune?: { provinceCode: string; communeCode: string; until: string };
  } {
  const { bannedOccupations, bannedAreas, supervisedCommune, noStateAgencyWork, noStateAgencyWorkUntil } = r.restrictions;
  const supervisedProvince = supervisedCommune
    ? (commune(supervisedCommune.communeCode)?.provinceCode ?? r.address.provinceCode)
    : undefined;
  return {
    returneeId: r.id,
    bannedOccupations: bannedOccupations.map(({ code, until }) => ({ code, until })),
    bannedAreas: bannedAreas.map(({ provinceCode, communeCode, until }) => ({ provinceCode, ...(communeCode && { communeCode }), until })),
    ...(supervisedCommune && {
      supervisedCommune: { provinceCode: supervisedProvince!, communeCode: supervisedCommune.communeCode, until: supervisedCommune.until },
    }),
    noStateAgencyWork,
    ...(noStateAgencyWork && noStateAgencyWorkUntil && { noStateAgencyWorkUntil }),
  };
}
