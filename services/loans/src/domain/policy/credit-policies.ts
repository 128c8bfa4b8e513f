import { DECISION_22_2023 } from './decision-22-2023.policy';
import type { CreditPolicy, LoanProduct, LoanPurpose } from './credit-policy.types';

/** The policies in force over time, oldest first. A new decision is appended here (or loaded from LOANS_POLICY_FILE). */
export const CREDIT_POLICIES: readonly CreditPolicy[] = [DECISION_22_2023];

/** The policy in force on `date` (ISO date), or undefined before the first one. */
export function policyOn(policies: readonly CreditPolicy[], date: string): CreditPolicy | undefined {
  return [...policies].filter((p) => p.effectiveFrom <= date).sort((a, b) => a.effectiveFrom.localeCompare(b.effectiveFrom)).pop();
}

export function productFor(policy: CreditPolicy, purpose: LoanPurpose): LoanProduct | undefined {
  return policy.products.find((p) => p.purpose === purpose);
}

/**
 * The monthly rate in millionths per month (0.55 % → 5500), so that interest is integer arithmetic.
 * Rounding to 4 decimals of a percent is exact for any rate a decision would set.
 */
export const monthlyRatePpm = (policy: CreditPolicy): bigint => BigInt(Math.round(policy.monthlyRatePercent.value * 10_000));
