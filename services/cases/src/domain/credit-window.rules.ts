import { addYears } from './calendar.rules';
import { LEGAL } from './legal-figures.config';
import type { ReleaseKind } from './returnee.types';

/**
 * Decision 22/2023/QĐ-TTg: a returnee may borrow within 5 years of completing the sentence. Counted per Civil
 * Code Art. 147–148, the window's last day is the corresponding day 5 years after release (inclusive).
 */
export function creditWindowEndsOn(releaseDate: string): string {
  return addYears(releaseDate, LEGAL.creditWindowYears);
}

/** Decision 22/2023/QĐ-TTg: whether an application made on `today` is within the 5-year window. */
export function isWithinCreditWindow(releaseDate: string, today: string): boolean {
  return today >= releaseDate && today <= creditWindowEndsOn(releaseDate);
}

/** Decision 22/2023/QĐ-TTg: only a certificate of completed sentence or of amnesty qualifies. */
export function releaseKindEligible(kind: ReleaseKind): boolean {
  return (LEGAL.creditEligibleReleaseKinds as readonly string[]).includes(kind);
}
