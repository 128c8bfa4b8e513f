import type { EligibilityRule } from './eligibility.types';

/** No outstanding VBSP loan for the same purpose; loans knows the ones made through this service. */
export const noOutstandingLoanRule: EligibilityRule = {
  name: 'no-outstanding-loan',
  appliesTo: ['individual', 'business'],
  source: ({ policy }) => policy.noOutstandingSamePurpose.source,
  check: ({ outstandingSamePurpose, application, policy }) =>
    !policy.noOutstandingSamePurpose.value || outstandingSamePurpose.length === 0
      ? undefined
      : `there is already an outstanding ${application.purpose} loan (${outstandingSamePurpose.join(', ')})`,
};
