import { returneeFor } from './access.rules';
import { clampLimit, clockOf, type Caller, type MatchingContext } from './matching.context';
import { creditReasons } from './reasons/credit-reasons';
import type { Reason } from './reasons/format';
import type { CreditEligibility } from './scoring/credit-score.rules';
import { shown } from './scoring/points';
import { creditSearch } from './search/credit-search';

export interface CreditMatch {
  productCode: string;
  purpose: string;
  titleVi: string;
  titleEn: string;
  maxAmountVnd: number;
  maxTermMonths: number;
  monthlyRatePercent: number;
  eligibility: CreditEligibility;
  score: number;
  reasons: Reason[];
}

/** Decision 22/2023 loan products that fit the returnee's plan, when a business or training is the goal. */
export function matchCredit(ctx: MatchingContext, caller: Caller, returneeId: string, query: { limit?: number }): { returneeId: string; items: CreditMatch[]; nextCursor: null } {
  const p = returneeFor(ctx, caller, returneeId);
  const { today } = clockOf(ctx);
  const items = creditSearch(ctx.model, p, clampLimit(ctx, query.limit), today).map((ranked) => ({
    productCode: ranked.product.productCode,
    purpose: ranked.product.purpose,
    titleVi: ranked.product.titleVi,
    titleEn: ranked.product.titleEn,
    maxAmountVnd: ranked.product.maxAmountVnd,
    maxTermMonths: ranked.product.maxTermMonths,
    monthlyRatePercent: ranked.product.monthlyRatePercent,
    eligibility: ranked.eligibility,
    score: shown(ranked.score),
    reasons: creditReasons(ctx.model.weights.credit, ranked),
  }));
  return { returneeId, items, nextCursor: null };
}
