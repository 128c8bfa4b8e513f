import type { LoanApplication, RuleFailure } from '../application.types';
import type { CreditPolicy, DocumentKind, LoanProduct } from '../policy/credit-policy.types';

/**
 * What makes the file complete enough for the bank (the 3-working-day clock starts then): who borrows,
 * through which group and organisation, which branch, and the document checklist.
 */
export function checkCompleteness(application: LoanApplication, policy: CreditPolicy, product: LoanProduct): RuleFailure[] {
  const failures: RuleFailure[] = [];
  const fail = (rule: string, message: string, source?: string) => failures.push({ rule, message, ...(source ? { source } : {}) });
  if (application.borrowerKind === 'individual') {
    const borrower = application.borrower;
    if (!borrower) fail('household-representative', 'record who borrows: the household representative, or the returnee', policy.householdRepresentative.source);
    else if (borrower.kind === 'household-representative' && !borrower.representativeName) {
      fail('household-representative', 'name the household representative who borrows', policy.householdRepresentative.source);
    } else if (borrower.kind === 'returnee' && !borrower.reason) {
      fail('household-representative', 'say why the returnee borrows in person (no adult member, or none with capacity)', policy.householdRepresentative.source);
    }
  }
  if (product.lending.value === 'entrusted') {
    if (!application.savingsGroup) fail('savings-group', 'name the savings-and-loan group the borrower joins', product.lending.source);
    if (!application.entrustedVia) fail('entrusted-organisation', 'choose the socio-political organisation the loan is entrusted through', product.lending.source);
  }
  if (!application.branchOrgId) fail('branch', 'choose the VBSP branch that reviews the application');
  for (const kind of requiredDocuments(application, policy, product)) {
    if (!application.documents.some((d) => d.kind === kind)) fail(`document.${kind}`, `upload the ${kind} document`);
  }
  return failures;
}

/** The checklist: the product's documents, and the security documents above the threshold. */
export function requiredDocuments(application: Pick<LoanApplication, 'amountVnd'>, policy: CreditPolicy, product: LoanProduct): DocumentKind[] {
  const kinds = [...product.documents];
  if (application.amountVnd > policy.securityRequiredAboveVnd.value) kinds.push('security-documents');
  return kinds;
}
