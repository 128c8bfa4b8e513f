import { type EligibilityRule, vnd } from './eligibility.types';

/** Above 100 million VND the borrower gives security. */
export const loanSecurityRule: EligibilityRule = {
  name: 'loan-security',
  appliesTo: ['individual', 'business'],
  source: ({ policy }) => policy.securityRequiredAboveVnd.source,
  check: ({ application, policy }) => {
    const threshold = policy.securityRequiredAboveVnd.value;
    if (application.amountVnd <= threshold || application.security) return undefined;
    return `${vnd(application.amountVnd)} is above ${vnd(threshold)}: describe the security given`;
  },
};
