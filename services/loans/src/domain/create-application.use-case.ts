import { AppError, createOnce, type CreateOnceResult } from '@hoanhap/kit';
import { commune } from '@hoanhap/reference';
import type { LoanApplication } from './application.types';
import { applicationDto, type ApplicationDto } from './application.dto';
import { statusChangedEvent } from './application-events';
import type { Caller } from './caller';
import { evaluate, productInForce, withEvaluation } from './evaluate-application';
import { checkApplicantInput, resolveBorrowerSide } from './applicant-input.rules';
import type { LoansContext } from './loans.context';

/** What the applicant may still change while the file is a draft or sent back for more information. */
export type EditableApplicationField =
  | 'amountVnd'
  | 'termMonths'
  | 'plan'
  | 'courseMonths'
  | 'staffCount'
  | 'qualifyingEmployees'
  | 'borrower'
  | 'confirmation'
  | 'savingsGroup'
  | 'entrustedVia'
  | 'security'
  | 'branchOrgId';

/**
 * What the applicant states: who borrows, for what and where (fixed at creation), and the editable rest;
 * the product, policy, status and checks the service decides.
 */
export type NewApplication = Pick<
  LoanApplication,
  'returneeId' | 'employerOrgId' | 'referralId' | 'purpose' | 'provinceCode' | 'communeCode' | EditableApplicationField
>;

/**
 * A draft application: an officer's for a consenting returnee, or an employer's for its business. The reply
 * carries the eligibility pre-check and what the file still lacks; nothing is refused for being ineligible
 * until it is submitted. At most once per Idempotency-Key and caller.
 */
export async function createApplication(
  ctx: LoansContext,
  caller: Caller,
  key: string | undefined,
  input: NewApplication,
): Promise<CreateOnceResult<ApplicationDto>> {
  checkApplicantInput(caller, input);
  const side = await resolveBorrowerSide(ctx, caller, input);
  const { policy, product } = productInForce(ctx, input.purpose);
  const place = side.place ?? placeOf(input);
  return createOnce({
    resource: 'loan-application',
    scope: caller.userId,
    key,
    request: input,
    build: async (id) => {
      const at = ctx.now().toISOString();
      const draft: LoanApplication = {
        ...input,
        id,
        borrowerKind: product.borrowerKind,
        productCode: product.code,
        policyId: policy.id,
        branchOrgId: input.branchOrgId ?? (place.provinceCode ? ctx.settings.branchByProvince[place.provinceCode] : undefined),
        provinceCode: place.provinceCode,
        communeCode: place.communeCode,
        status: 'draft',
        history: [{ status: 'draft', at, by: caller.userId }],
        eligibility: { eligible: false, failures: [], checkedOn: at.slice(0, 10) },
        documents: [],
        notes: [],
        repayments: [],
        createdBy: { userId: caller.userId, role: caller.role, ...(caller.orgId ? { orgId: caller.orgId } : {}) },
        createdAt: at,
        updatedAt: at,
      };
      const evaluation = await evaluate(ctx, draft);
      const document = withEvaluation(draft, evaluation);
      return {
        document,
        reply: { status: 201, body: applicationDto(document, caller, { returnee: side.facts, completeness: evaluation.completeness }) },
      };
    },
    insert: (document) => ctx.applications.create(document, [statusChangedEvent(document)], caller.trace),
    findRecord: (id) => ctx.applications.findIdempotency(id),
    cache: ctx.idempotencyCache,
  });
}

/** An establishment's place: the body's codes, else the commune of its Form 02 confirmation. */
function placeOf(input: NewApplication): { provinceCode?: string; communeCode?: string } {
  const communeCode = input.communeCode ?? input.confirmation?.communeCode;
  const provinceCode = input.provinceCode ?? (communeCode ? commune(communeCode)?.provinceCode : undefined);
  if (provinceCode && communeCode && commune(communeCode)?.provinceCode !== provinceCode) {
    throw new AppError('REQUEST.VALIDATION_FAILED', 400, `commune ${communeCode} is not in province ${provinceCode}`, {
      errors: [
        { field: 'communeCode', in: 'body', rule: 'inProvince', message: `commune ${communeCode} is not in province ${provinceCode}` },
      ],
    });
  }
  return { provinceCode, communeCode };
}
