import type { EligibilityRule } from './eligibility.types';

/** The term cap (120 months); a training loan must also run at least as long as the course it pays for. */
export const termCapRule: EligibilityRule = {
  name: 'term-cap',
  appliesTo: ['individual', 'business'],
  source: ({ product }) => product.maxTermMonths.source,
  check: ({ application, product }) => {
    const max = product.maxTermMonths.value;
    if (application.termMonths > max) return `a term of ${application.termMonths} months is above the cap of ${max} months`;
    const course = application.courseMonths;
    if (product.amountBasis === 'per-course-month' && course && application.termMonths < course) {
      return `the term (${application.termMonths} months) must cover the course (${course} months)`;
    }
    return undefined;
  },
};
