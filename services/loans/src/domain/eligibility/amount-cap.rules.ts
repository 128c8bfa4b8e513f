import { type EligibilityRule, vnd } from './eligibility.types';

/** The product's cap: per loan, per month of the course (training), or per project (establishments). */
export const amountCapRule: EligibilityRule = {
  name: 'amount-cap',
  appliesTo: ['individual', 'business'],
  source: ({ product }) => product.maxAmountVnd.source,
  check: ({ application, product }) => {
    const cap = product.maxAmountVnd.value;
    if (product.amountBasis === 'per-course-month') {
      const months = application.courseMonths;
      if (!months) return 'courseMonths is needed: the cap is per month of the course';
      const total = cap * months;
      return application.amountVnd <= total ? undefined : `${vnd(application.amountVnd)} is above ${vnd(cap)} × ${months} months = ${vnd(total)}`;
    }
    return application.amountVnd <= cap ? undefined : `${vnd(application.amountVnd)} is above the cap of ${vnd(cap)}`;
  },
};
