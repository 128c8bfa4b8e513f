import { ageOn } from './calendar.rules';
import { expectedClearance } from './clearance.rules';
import { creditWindowEndsOn, isWithinCreditWindow, releaseKindEligible } from './credit-window.rules';
import { activeRestrictions } from './restrictions.rules';
import type { Returnee } from './returnee';

/** What is computed from the file and shown beside it (never stored, so it is never stale). */
export function computedFacts(r: Returnee, today: string) {
  const cleared = r.milestones.filter((m) => m.kind === 'record-cleared').at(-1);
  return {
    recordClearance: { ...expectedClearance(r), ...(cleared && { clearedOn: cleared.on, certificateNumber: cleared.documentNumber }) },
    creditWindowEndsOn: creditWindowEndsOn(r.releaseDate),
    creditWindowOpen: isWithinCreditWindow(r.releaseDate, today),
    releaseKindEligible: releaseKindEligible(r.releaseKind),
    activeRestrictions: activeRestrictions(r.restrictions, r.releaseDate, today),
    ageYears: ageOn(r.dateOfBirth, today),
  };
}

/** The whole file for officers and admins. */
export function fileDto(r: Returnee, today: string) {
  return { ...r, computed: computedFacts(r, today) };
}

/** A search hit: enough to recognise the person, nothing sensitive beyond the name. */
export function summaryDto(r: Returnee) {
  return {
    id: r.id,
    fullName: r.fullName,
    dateOfBirth: r.dateOfBirth,
    status: r.status,
    provinceCode: r.address.provinceCode,
    communeCode: r.address.communeCode,
    releaseDate: r.releaseDate,
    ...(r.grade && { grade: r.grade }),
  };
}

/**
 * What an officer of an earlier province still sees: the entries they recorded themselves, as recorded,
 * and nothing the new province added.
 */
export function recordedOnlyDto(r: Returnee, officerId: string) {
  const mine = <T extends { recordedBy?: string }>(items: T[]) => items.filter((i) => i.recordedBy === officerId);
  const registered = r.registeredBy.id === officerId;
  return {
    id: r.id,
    access: 'recorded-only' as const,
    ...(registered && { fullName: r.fullName, dateOfBirth: r.dateOfBirth, gender: r.gender, nationalId: r.nationalId }),
    notes: mine(r.notes),
    milestones: mine(r.milestones),
    gradeHistory: mine(r.gradeHistory),
    consentHistory: mine(r.consentHistory),
    ...(r.reception?.recordedBy === officerId && { reception: r.reception }),
    ...(r.informationSheet?.recordedBy === officerId && { informationSheet: r.informationSheet }),
    transfers: r.transfers.filter((t) => t.requestedBy === officerId),
  };
}
