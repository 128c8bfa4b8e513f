import type { Day } from '../calendar';
import { dayOf } from '../calendar';
import type { LoanProductFacts } from '../model/facts';
import type { MatchingModel } from '../model/matching-model';
import { PREF, STATE } from '../model/returnee-table';
import { creditEligibility, creditPoints, type CreditEligibility, type CreditNeeds } from '../scoring/credit-score.rules';

export interface RankedCredit {
  product: LoanProductFacts;
  score: number;
  eligibility: CreditEligibility;
  needs: CreditNeeds;
}

/** Loan products that fit the person's plan and for which they are not known to be ineligible, best first. */
export function creditSearch(m: MatchingModel, p: number, limit: number, today: Day): RankedCredit[] {
  const R = m.returnees;
  const prefs = R.prefs[p]!;
  const needs: CreditNeeds = {
    businessGoal: (prefs & PREF.businessGoal) !== 0,
    loanNeed: (prefs & PREF.loan) !== 0,
    trainingNeed: (prefs & PREF.training) !== 0,
  };
  const eligibility = creditEligibility(R.has(p, STATE.bank), R.has(p, STATE.bankEligible), R.creditWindowEnd[p]!, today);
  const ranked: RankedCredit[] = [];
  for (const product of m.cohorts.products.values()) {
    const score = creditPoints(m.weights.credit, product.purpose, needs, eligibility, dayOf(product.effectiveFrom) <= today);
    if (score !== null) ranked.push({ product, score, eligibility, needs });
  }
  return ranked.sort((a, b) => b.score - a.score || a.product.productCode.localeCompare(b.product.productCode)).slice(0, limit);
}
