import { foldVietnamese } from '@hoanhap/reference';
import type { Day } from '../calendar';
import { points } from './points';
import type { CreditWeights } from './weights';

/**
 * Credit under Decision 22/2023/QĐ-TTg, proposed when it fits the person's plan: production loans when
 * self-employment or a business is the goal (or a loan was asked for), training loans when training was
 * asked for. Eligibility comes from the facts cases shares with the bank (shareWithBank): applying within
 * the credit window (5 years from release) and a qualifying kind of release.
 */

// Goals are free text typed by the officer, in either language; folded, so tones do not matter.
const BUSINESS_GOAL_WORDS = [
  'self-employ', 'self employ', 'business', 'start-up', 'startup', 'own shop', 'production', 'farm',
  'kinh doanh', 'khoi nghiep', 'san xuat', 'buon ban', 'mo cua hang', 'mo quan', 'chan nuoi', 'trong trot', 'tu lam', 'phuong an',
];

/** True when the goal names self-employment or a business plan. */
export function isBusinessGoal(goal: string): boolean {
  const folded = foldVietnamese(goal);
  return BUSINESS_GOAL_WORDS.some((word) => folded.includes(word));
}

export type CreditEligibility = 'eligible' | 'unknown' | 'not-eligible';

/** Without bank-shared facts eligibility is unknown (the bank checks); with them, window and release kind decide. */
export function creditEligibility(sharedWithBank: boolean, releaseKindEligible: boolean, creditWindowEnd: Day, today: Day): CreditEligibility {
  if (!sharedWithBank) return 'unknown';
  return releaseKindEligible && today <= creditWindowEnd ? 'eligible' : 'not-eligible';
}

export interface CreditNeeds {
  businessGoal: boolean;
  loanNeed: boolean;
  trainingNeed: boolean;
}

/**
 * Points for one product, or null when it is not for this person: business loans are for employers, a
 * product not yet in force or a person not eligible gets nothing, nor does a product that fits no need.
 */
export function creditPoints(w: CreditWeights, purpose: string, needs: CreditNeeds, eligibility: CreditEligibility, inForce: boolean): number | null {
  if (!inForce || eligibility === 'not-eligible') return null;
  let fit = 0;
  if (purpose === 'production') fit = (needs.businessGoal ? points(w.businessGoal, 1) : 0) + (needs.loanNeed ? points(w.loanNeed, 1) : 0);
  // a training loan pays for a course: only for someone who asked for training
  else if (purpose === 'training' && needs.trainingNeed) fit = points(w.trainingNeed, 1) + (needs.loanNeed ? points(w.loanNeed, 0.5) : 0);
  if (fit === 0) return null;
  return fit + (eligibility === 'eligible' ? points(w.eligible, 1) : 0);
}
