import type { LoanApplication, Note, RuleFailure } from './application.types';
import type { Caller } from './caller';
import type { DecisionClock } from './calendar/working-days.rules';
import type { ReturneeFacts } from './eligibility/eligibility.types';

export interface DtoExtras {
  returnee?: ReturneeFacts;
  clock?: DecisionClock;
  completeness?: RuleFailure[];
}

const BANK_SIDE = ['bank', 'admin'];

/** Bank notes and assessments stay with the bank; the applicant sees what the bank asks of them. */
const visibleNotes = (notes: Note[], viewer: Caller) => (BANK_SIDE.includes(viewer.role) ? notes : notes.filter((n) => n.kind === 'more-info-request'));

/**
 * An application as every role sees it: an explicit list of fields (never a spread of the stored document),
 * so nothing stored by mistake can leak. Of the returnee only the consented bankView facts appear, and only
 * while the consent holds; loans never holds offence, sentence or grade.
 */
export function applicationDto(application: LoanApplication, viewer: Caller, extras: DtoExtras = {}) {
  const a = application;
  const facts = extras.returnee?.shareWithBank ? extras.returnee : undefined;
  return {
    id: a.id,
    status: a.status,
    borrowerKind: a.borrowerKind,
    purpose: a.purpose,
    productCode: a.productCode,
    policyId: a.policyId,
    returneeId: a.returneeId,
    employerOrgId: a.employerOrgId,
    referralId: a.referralId,
    returnee: facts && { givenName: facts.givenName, creditWindowEndsOn: facts.creditWindowEndsOn, releaseKindEligible: facts.releaseKindEligible },
    amountVnd: a.amountVnd,
    termMonths: a.termMonths,
    courseMonths: a.courseMonths,
    plan: a.plan,
    staffCount: a.staffCount,
    qualifyingEmployees: a.qualifyingEmployees,
    borrower: a.borrower,
    confirmation: a.confirmation,
    savingsGroup: a.savingsGroup,
    entrustedVia: a.entrustedVia,
    security: a.security,
    branchOrgId: a.branchOrgId,
    provinceCode: a.provinceCode,
    communeCode: a.communeCode,
    eligibility: a.eligibility,
    completeness: extras.completeness && { complete: extras.completeness.length === 0, missing: extras.completeness },
    documents: a.documents.map((d) => ({ id: d.id, kind: d.kind, fileName: d.fileName, contentType: d.contentType, sizeBytes: d.sizeBytes, sha256: d.sha256, uploadedAt: d.uploadedAt })),
    reviewerId: a.reviewerId,
    notes: visibleNotes(a.notes, viewer),
    decisionClock: extras.clock,
    decision: a.decision && { decision: a.decision.decision, reasons: a.decision.reasons, by: a.decision.by, at: a.decision.at },
    disbursement: a.disbursement && { amountVnd: a.disbursement.amountVnd, on: a.disbursement.on, at: a.disbursement.at },
    history: a.history,
    createdAt: a.createdAt,
    updatedAt: a.updatedAt,
  };
}

export type ApplicationDto = ReturnType<typeof applicationDto>;
