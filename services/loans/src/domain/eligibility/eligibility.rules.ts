import type { RuleFailure } from '../application.types';
import { amountCapRule } from './amount-cap.rules';
import { bankConsentRule } from './bank-consent.rules';
import { communeConfirmationRule } from './commune-confirmation.rules';
import { creditWindowRule } from './credit-window.rules';
import type { EligibilityInput, EligibilityRule } from './eligibility.types';
import { employeeCapRule } from './employee-cap.rules';
import { loanSecurityRule } from './loan-security.rules';
import { noOutstandingLoanRule } from './no-outstanding-loan.rules';
import { qualifyingStaffRule } from './qualifying-staff.rules';
import { releaseKindRule } from './release-kind.rules';
import { termCapRule } from './term-cap.rules';

/** Every legal condition, in the order a reviewer reads them. */
export const ELIGIBILITY_RULES: readonly EligibilityRule[] = [
  bankConsentRule,
  releaseKindRule,
  creditWindowRule,
  communeConfirmationRule,
  amountCapRule,
  employeeCapRule,
  termCapRule,
  qualifyingStaffRule,
  noOutstandingLoanRule,
  loanSecurityRule,
];

/** Runs every rule that applies and reports EVERY failure, not just the first. */
export function checkEligibility(input: EligibilityInput): { eligible: boolean; failures: RuleFailure[] } {
  const failures = ELIGIBILITY_RULES.filter((rule) => rule.appliesTo.includes(input.application.borrowerKind)).flatMap((rule) => {
    const message = rule.check(input);
    return message === undefined ? [] : [{ rule: rule.name, message, source: rule.source(input) }];
  });
  return { eligible: failures.length === 0, failures };
}
