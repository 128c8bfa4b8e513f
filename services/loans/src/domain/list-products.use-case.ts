import type { LoanProductPublishedV1 } from '@hoanhap/contracts';
import { vietnamDate, type IsoDate } from './calendar/iso-date';
import type { LoansContext } from './loans.context';
import { errors } from './loans.errors';
import { policyOn } from './policy/credit-policies';
import type { CreditPolicy, LoanProduct } from './policy/credit-policy.types';

/** A product with every figure and its legal source, as GET /products shows it. */
export function productDto(policy: CreditPolicy, product: LoanProduct) {
  return {
    code: product.code,
    purpose: product.purpose,
    borrowerKind: product.borrowerKind,
    titleVi: product.titleVi,
    titleEn: product.titleEn,
    policyId: policy.id,
    effectiveFrom: policy.effectiveFrom,
    maxAmountVnd: product.maxAmountVnd,
    amountBasis: product.amountBasis,
    maxAmountPerEmployeeVnd: product.maxAmountPerEmployeeVnd,
    maxTermMonths: product.maxTermMonths,
    minQualifyingStaffPercent: product.minQualifyingStaffPercent,
    monthlyRatePercent: policy.monthlyRatePercent,
    overdueRatePercentOfRate: policy.overdueRatePercentOfRate,
    securityRequiredAboveVnd: policy.securityRequiredAboveVnd,
    creditWindowYears: product.borrowerKind === 'individual' ? policy.creditWindowYears : undefined,
    confirmationForm: product.confirmationForm,
    lending: product.lending,
    documents: product.documents,
    decisionTargetWorkingDays: policy.decisionTargetWorkingDays,
    schedule: policy.schedule,
  };
}

/** The products in force on a day (today by default): a new decision shows from its effective date. */
export function listProducts(ctx: LoansContext, on?: IsoDate) {
  const day = on ?? vietnamDate(ctx.now());
  const policy = policyOn(ctx.policies, day);
  if (!policy) throw errors.noPolicy(day);
  return { items: policy.products.map((p) => productDto(policy, p)), nextCursor: null, policy: { id: policy.id, titleVi: policy.titleVi, titleEn: policy.titleEn, effectiveFrom: policy.effectiveFrom } };
}

/** loans.product.published.v1 payloads for the policy in force today (published at start). */
export function productEvents(ctx: LoansContext): LoanProductPublishedV1[] {
  const policy = policyOn(ctx.policies, vietnamDate(ctx.now()));
  if (!policy) return [];
  return policy.products.map((p) => ({
    productCode: p.code,
    purpose: p.purpose,
    maxAmountVnd: p.maxAmountVnd.value,
    amountBasis: p.amountBasis,
    ...(p.maxAmountPerEmployeeVnd ? { maxAmountPerEmployeeVnd: p.maxAmountPerEmployeeVnd.value } : {}),
    maxTermMonths: p.maxTermMonths.value,
    monthlyRatePercent: policy.monthlyRatePercent.value,
    overdueRatePercentOfRate: policy.overdueRatePercentOfRate.value,
    securityRequiredAboveVnd: policy.securityRequiredAboveVnd.value,
    effectiveFrom: policy.effectiveFrom,
    titleVi: p.titleVi,
    titleEn: p.titleEn,
    legalSource: policy.titleVi.slice(0, 300),
  }));
}
