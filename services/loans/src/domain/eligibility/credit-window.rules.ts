import type { EligibilityRule } from './eligibility.types';

/**
 * The application falls within 5 years of the sentence's completion. cases computes the last day
 * (`creditWindowEndsOn`); applying on that day is in time, the day after is not.
 */
export const creditWindowRule: EligibilityRule = {
  name: 'credit-window',
  appliesTo: ['individual'],
  source: ({ policy }) => policy.creditWindowYears.source,
  check: ({ returnee, today, policy }) => {
    const endsOn = returnee?.creditWindowEndsOn;
    if (!endsOn) return undefined; // reported by bank-consent
    return today <= endsOn ? undefined : `the ${policy.creditWindowYears.value}-year window after release ended on ${endsOn}`;
  },
};
