import type { EligibilityRule } from './eligibility.types';

/**
 * Residence (individuals, Form 01) or the loan plan (establishments, Form 02) confirmed by the commune
 * People's Committee. For an individual the confirming commune must be the one cases has them living in.
 */
export const communeConfirmationRule: EligibilityRule = {
  name: 'commune-confirmation',
  appliesTo: ['individual', 'business'],
  source: ({ product }) => product.confirmationForm.source,
  check: ({ application, product, returnee }) => {
    const form = product.confirmationForm.value;
    const confirmation = application.confirmation;
    if (!confirmation) return `the commune People's Committee confirmation (Form ${form}) with its number and date is missing`;
    if (confirmation.form !== form) return `this loan needs Form ${form}, not Form ${confirmation.form}`;
    if (application.borrowerKind === 'individual' && returnee?.communeCode && returnee.communeCode !== confirmation.communeCode) {
      return `Form ${form} must come from the commune the returnee lives in (${returnee.communeCode}), not ${confirmation.communeCode}`;
    }
    return undefined;
  },
};
