import type { EligibilityRule } from './eligibility.types';

/** A certificate of completed sentence or of amnesty; cases says only whether the release kind qualifies. */
export const releaseKindRule: EligibilityRule = {
  name: 'release-kind',
  appliesTo: ['individual'],
  source: () => 'Decision 22/2023/QĐ-TTg Art. 3(1)(a)',
  check: ({ returnee }) => {
    if (!returnee?.shareWithBank || returnee.releaseKindEligible === undefined) return undefined; // reported by bank-consent
    return returnee.releaseKindEligible ? undefined : 'only a completed sentence or an amnesty (with its certificate) qualifies';
  },
};
