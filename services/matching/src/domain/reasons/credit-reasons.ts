import { points } from '../scoring/points';
import type { CreditWeights } from '../scoring/weights';
import type { RankedCredit } from '../search/credit-search';
import { byPoints, reason, vnd, vndEn, type Reason } from './format';

/** Why a loan product is proposed (Decision 22/2023/QĐ-TTg), in both languages. */
export function creditReasons(w: CreditWeights, ranked: RankedCredit): Reason[] {
  const { product, needs, eligibility } = ranked;
  const reasons: Reason[] = [];
  if (product.purpose === 'production' && needs.businessGoal) {
    reasons.push(reason('business-goal', points(w.businessGoal, 1), 'Mục tiêu tự kinh doanh, sản xuất', 'Self-employment or a business is the goal'));
  }
  if (product.purpose === 'training' && needs.trainingNeed) reasons.push(reason('training-need', points(w.trainingNeed, 1), 'Có nhu cầu học nghề', 'Asked for training'));
  if (needs.loanNeed) {
    const share = product.purpose === 'production' ? 1 : 0.5;
    reasons.push(reason('loan-need', points(w.loanNeed, share), 'Có nhu cầu vay vốn', 'Asked for a loan'));
  }
  if (eligibility === 'eligible') {
    reasons.push(reason('eligible', points(w.eligible, 1), 'Trong thời hạn được vay (5 năm từ khi chấp hành xong án)', 'Within the credit window (5 years from release)'));
  } else {
    reasons.push(reason('eligibility-unknown', 0, 'Chưa có thông tin điều kiện vay (chưa đồng ý chia sẻ với ngân hàng)', 'Eligibility not known (not shared with the bank)'));
  }
  reasons.push(
    reason('amount', 0, `Vay tối đa ${vnd(product.maxAmountVnd)}, thời hạn tối đa ${product.maxTermMonths} tháng`, `Up to ${vndEn(product.maxAmountVnd)}, for up to ${product.maxTermMonths} months`),
  );
  return byPoints(reasons);
}
