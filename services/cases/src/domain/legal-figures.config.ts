/**
 * Every legal figure the cases service applies, in one place, each with its source. A change in the law is a
 * change here (with an effective date when the old figure must keep applying to older files), not in the rules.
 * Re-check a figure against the official text before changing it.
 */
export const LEGAL = Object.freeze({
  /**
   * Penal Code 2015 (amended 2017) Art. 70(2): automatic clearance after the main penalty (or the probation of
   * a suspended sentence) ends, with no new crime during this many years.
   */
  clearanceWaitYears: Object.freeze({
    /** Art. 70(2)(a): warning, fine, non-custodial reform, suspended sentence. */
    light: 1,
    /** Art. 70(2)(b): imprisonment up to 5 years. */
    prisonUpTo5Years: 2,
    /** Art. 70(2)(c): imprisonment over 5 and up to 15 years. */
    prisonUpTo15Years: 3,
    /** Art. 70(2)(d): imprisonment over 15 years, life imprisonment, death sentence commuted. */
    heavy: 5,
  }),
  /** Art. 70(2)(b)/(c): the band limits, in months of the imposed prison term. */
  prisonBandMonths: Object.freeze({ upTo5Years: 60, upTo15Years: 180 }),
  /**
   * Art. 70(1): automatic clearance does not apply to crimes of Chapter XIII (national security) and Chapter
   * XXVI (crimes against peace, humanity and war crimes); those need a court decision (Art. 71).
   */
  chaptersWithoutAutomaticClearance: Object.freeze(['XIII', 'XXVI'] as const),
  /**
   * Decision 22/2023/QĐ-TTg (in force 10/10/2023), conditions for individual borrowers: the loan is applied for
   * within 5 years of completing the prison sentence, with a certificate of completion or of amnesty.
   */
  creditWindowYears: 5,
  /** Decision 22/2023/QĐ-TTg, eligible borrowers: release kinds whose certificate qualifies (completed sentence, amnesty). */
  creditEligibleReleaseKinds: Object.freeze(['completed', 'amnesty'] as const),
  /** Penal Code Art. 41–44: additional penalties last 1 to 5 years (Art. 44 from the end of the prison term). */
  additionalPenaltyYears: Object.freeze({ min: 1, max: 5 }),
});
