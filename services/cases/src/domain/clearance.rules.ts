import { addDays, addYears, latest } from './calendar.rules';
import { LEGAL } from './legal-figures.config';
import { chapterOf } from './offence-categories';
import type { ReleaseKind, Restrictions, Sentence } from './returnee.types';

export interface ClearanceInput {
  sentence: Sentence;
  releaseKind: ReleaseKind;
  releaseDate: string;
  probationEndsOn?: string;
  offenceCategory: string;
  restrictions: Restrictions;
}

export type Clearance =
  | {
      automatic: true;
      expectedOn: string;
      waitYears: number;
      mainPenaltyEndsOn: string;
      extendedByAdditionalPenalty: boolean;
      basis: string;
    }
  | {
      automatic: false;
      expectedOn: null;
      reason: 'excluded-chapter' | 'main-penalty-end-unknown' | 'sentence-term-unknown';
      basis: string;
    };

/**
 * Penal Code Art. 70(2): the waiting period by main penalty — 1 year for a warning, fine, non-custodial reform
 * or suspended sentence; 2 years for prison up to 5 years; 3 years for over 5 up to 15 years; 5 years for over
 * 15 years, life, or a commuted death sentence. Null when a prison term has no length.
 */
export function clearanceWaitYears(sentence: Sentence): number | null {
  const years = LEGAL.clearanceWaitYears;
  switch (sentence.kind) {
    case 'warning':
    case 'fine':
    case 'non-custodial':
    case 'suspended':
      return years.light;
    case 'life':
    case 'death-commuted':
      return years.heavy;
    case 'prison':
      if (sentence.months === undefined) return null;
      if (sentence.months <= LEGAL.prisonBandMonths.upTo5Years) return years.prisonUpTo5Years;
      if (sentence.months <= LEGAL.prisonBandMonths.upTo15Years) return years.prisonUpTo15Years;
      return years.heavy;
  }
}

/**
 * When the main penalty ends: for a suspended sentence, at the end of its probation (Art. 70(2)); for a
 * conditional early release, at the end of the probation (Art. 66); otherwise on the release date.
 */
export function mainPenaltyEndsOn(
  input: Pick<ClearanceInput, 'sentence' | 'releaseKind' | 'releaseDate' | 'probationEndsOn'>,
): string | null {
  const onProbation = input.sentence.kind === 'suspended' || input.releaseKind === 'suspended' || input.releaseKind === 'conditional';
  if (onProbation) return input.probationEndsOn ?? null;
  return input.releaseDate;
}

/** The last day of every additional penalty (Art. 41–44) that has an end date. */
export function additionalPenaltyEnds(restrictions: Restrictions): string[] {
  return [
    ...restrictions.bannedOccupations.map((r) => r.until),
    ...restrictions.bannedAreas.map((r) => r.until),
    ...(restrictions.supervisedCommune ? [restrictions.supervisedCommune.until] : []),
    ...(restrictions.noStateAgencyWork && restrictions.noStateAgencyWorkUntil ? [restrictions.noStateAgencyWorkUntil] : []),
  ];
}

/**
 * Penal Code Art. 70 — expected automatic clearance of the criminal record. Not automatic for Chapter XIII and
 * XXVI crimes (Art. 70(1); a court decides, Art. 71). Otherwise the waiting period (Art. 70(2)) runs from the
 * end of the main penalty; the additional penalties must be completed too, and one that ends later moves the
 * date (Art. 70(3)). A period counts per Civil Code Art. 147–148 (from the day after, to the corresponding
 * day), so the record counts as cleared from the day after the later of the two ends.
 */
export function expectedClearance(input: ClearanceInput): Clearance {
  const chapter = chapterOf(input.offenceCategory);
  if (chapter && (LEGAL.chaptersWithoutAutomaticClearance as readonly string[]).includes(chapter)) {
    return {
      automatic: false,
      expectedOn: null,
      reason: 'excluded-chapter',
      basis: `Penal Code Art. 70(1), Art. 71: Chapter ${chapter} needs a court decision`,
    };
  }
  const waitYears = clearanceWaitYears(input.sentence);
  if (waitYears === null)
    return {
      automatic: false,
      expectedOn: null,
      reason: 'sentence-term-unknown',
      basis: 'Penal Code Art. 70(2): the prison term decides the period',
    };
  const mainEnd = mainPenaltyEndsOn(input);
  if (mainEnd === null) {
    return {
      automatic: false,
      expectedOn: null,
      reason: 'main-penalty-end-unknown',
      basis: 'Penal Code Art. 70(2): counted from the end of the probation',
    };
  }
  const waitEnds = addYears(mainEnd, waitYears);
  const additionalEnd = latest(additionalPenaltyEnds(input.restrictions));
  const extended = additionalEnd !== undefined && additionalEnd > waitEnds;
  return {
    automatic: true,
    expectedOn: addDays(extended ? additionalEnd : waitEnds, 1),
    waitYears,
    mainPenaltyEndsOn: mainEnd,
    extendedByAdditionalPenalty: extended,
    basis: extended ? 'Penal Code Art. 70(2)–(3)' : 'Penal Code Art. 70(2)',
  };
}
