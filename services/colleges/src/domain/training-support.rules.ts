import type { Support } from './colleges.types';

/**
 * Support a returnee may get for vocational training, as data with its source
 * (ARCHITECTURE §4; re-check the texts before relying on a figure).
 * - Decree 49/2020/NĐ-CP (community reintegration of people who served prison sentences): returnees who need
 *   it are supported in vocational training — tuition exempted or reduced, and meal and travel allowances —
 *   under the vocational-training support policies in force; the college records which apply to a course.
 * - Decision 22/2023/QĐ-TTg (in force 10/10/2023), Art. 5: a training loan from VBSP of up to 4 million VND
 *   per month of the course. The figure is configuration (TRAINING_LOAN_MAX_VND_PER_MONTH) with its effective date.
 */
export const SUPPORT_BASIS = {
  'tuition-exempt': 'Nghị định 49/2020/NĐ-CP — miễn học phí học nghề',
  'tuition-reduced': 'Nghị định 49/2020/NĐ-CP — giảm học phí học nghề',
  'meal-allowance': 'Nghị định 49/2020/NĐ-CP — hỗ trợ tiền ăn trong thời gian học',
  'travel-allowance': 'Nghị định 49/2020/NĐ-CP — hỗ trợ tiền đi lại',
  accommodation: 'Hỗ trợ chỗ ở của cơ sở đào tạo',
} as const;

export const TRAINING_LOAN_BASIS = 'Quyết định 22/2023/QĐ-TTg, Điều 5 — vay học nghề tối đa theo tháng học';

export interface TrainingLoanFigures {
  maxVndPerMonth: number;
  effectiveFrom: string;
}

/** Tuition a learner pays after exemptions and reductions (what "free" means in the catalogue). */
export function netTuitionVnd(tuitionVnd: number, support: Support[]): number {
  if (support.some((s) => s.kind === 'tuition-exempt')) return 0;
  const reduction = support.filter((s) => s.kind === 'tuition-reduced').reduce((sum, s) => sum + (s.amountVnd ?? 0), 0);
  return Math.max(0, tuitionVnd - reduction);
}

/** Months of a course counted for the loan ceiling: started months count whole (30-day months). */
export const courseMonths = (durationWeeks: number) => Math.max(1, Math.ceil((durationWeeks * 7) / 30));

export function trainingLoan(durationWeeks: number, eligible: boolean, figures: TrainingLoanFigures) {
  const months = courseMonths(durationWeeks);
  return {
    eligible,
    maxVndPerMonth: figures.maxVndPerMonth,
    months,
    maxTotalVnd: eligible ? months * figures.maxVndPerMonth : 0,
    effectiveFrom: figures.effectiveFrom,
    basis: TRAINING_LOAN_BASIS,
  };
}
