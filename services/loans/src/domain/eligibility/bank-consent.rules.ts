import type { EligibilityRule } from './eligibility.types';

/** Without shareWithBank consent loans holds no facts about the person, so nothing else can be checked. */
export const bankConsentRule: EligibilityRule = {
  name: 'bank-consent',
  appliesTo: ['individual'],
  source: () => 'Law 91/2025/QH15 on personal data protection: the bank sees the credit facts only with consent',
  check: ({ returnee }) =>
    returnee?.shareWithBank && returnee.creditWindowEndsOn ? undefined : 'the returnee has not consented to share the credit facts with the bank (shareWithBank)',
};
