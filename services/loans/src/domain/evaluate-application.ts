import type { ApplicationStatus, LoanApplication, RuleFailure } from './application.types';
import { vietnamDate } from './calendar/iso-date';
import { checkEligibility } from './eligibility/eligibility.rules';
import { checkCompleteness } from './eligibility/file-completeness.rules';
import type { LoansContext } from './loans.context';
import { errors } from './loans.errors';
import { policyOn, productFor } from './policy/credit-policies';
import type { CreditPolicy, LoanProduct, LoanPurpose } from './policy/credit-policy.types';

/** A loan with debt still owed to VBSP (or about to be), for the no-outstanding-loan rule. */
export const OUTSTANDING: ApplicationStatus[] = ['approved', 'disbursed', 'repaying', 'overdue'];

/** The policy and product in force today for a purpose (a new decision applies from its effective date). */
export function productInForce(ctx: LoansContext, purpose: LoanPurpose): { policy: CreditPolicy; product: LoanProduct } {
  const today = vietnamDate(ctx.now());
  const policy = policyOn(ctx.policies, today);
  const product = policy && productFor(policy, purpose);
  if (!policy || !product) throw errors.noPolicy(today);
  return { policy, product };
}

export interface Evaluation {
  policy: CreditPolicy;
  product: LoanProduct;
  eligibility: LoanApplication['eligibility'];
  completeness: RuleFailure[];
}

/** Runs every eligibility rule and the file checklist against the facts known today. */
export async function evaluate(ctx: LoansContext, application: LoanApplication): Promise<Evaluation> {
  const { policy, product } = productInForce(ctx, application.purpose);
  const today = vietnamDate(ctx.now());
  const returnee = application.returneeId ? await ctx.returnees.get(application.returneeId) : undefined;
  const borrower = { returneeId: application.returneeId, employerOrgId: application.employerOrgId };
  const outstanding = (await ctx.applications.idsFor(borrower, application.purpose, OUTSTANDING)).filter((id) => id !== application.id);
  const result = checkEligibility({
    policy,
    product,
    today,
    application,
    returnee: returnee?.shareWithBank ? returnee : undefined,
    outstandingSamePurpose: outstanding,
  });
  return { policy, product, eligibility: { ...result, checkedOn: today }, completeness: checkCompleteness(application, policy, product) };
}

/** The application with the evaluation's policy, product and eligibility recorded. */
export const withEvaluation = (application: LoanApplication, evaluation: Evaluation): LoanApplication => ({
  ...application,
  policyId: evaluation.policy.id,
  productCode: evaluation.product.code,
  eligibility: evaluation.eligibility,
});
