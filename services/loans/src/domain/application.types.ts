import type { LoanApplicationStatusV1 } from '@hoanhap/contracts';
import type { IsoDate } from './calendar/iso-date';
import type { BorrowerKind, DocumentKind, EntrustedOrganisation, LoanPurpose } from './policy/credit-policy.types';
import type { Instalment } from './repayment/repayment-schedule.rules';

/** The statuses an application moves through are the ones its status-changed event publishes. */
export type ApplicationStatus = LoanApplicationStatusV1;

export interface Actor {
  userId: string;
  role: string;
  orgId?: string;
}

/** Who signs for an individual's loan (household representative rule). */
export interface Borrower {
  kind: 'household-representative' | 'returnee';
  /** The representative's name, when it is not the returnee. */
  representativeName?: string;
  relationship?: string;
  /** Why the returnee borrows in person: no adult household member, or none with capacity. */
  reason?: 'no-adult-member' | 'members-lack-capacity' | 'lives-alone';
}

/** The commune People's Committee confirmation: Form 01 (an individual) or Form 02 (a business's plan). */
export interface CommuneConfirmation {
  form: '01' | '02';
  number: string;
  issuedOn: IsoDate;
  communeCode: string;
}

export interface LoanSecurity {
  kind: 'land-use-right' | 'property' | 'deposit' | 'guarantee' | 'other';
  description: string;
  valueVnd?: number;
}

export interface StoredDocument {
  id: string;
  kind: DocumentKind;
  fileName: string;
  contentType: 'application/pdf' | 'image/jpeg' | 'image/png';
  sizeBytes: number;
  sha256: string;
  uploadedAt: string;
  uploadedBy: string;
}

export interface RuleFailure {
  rule: string;
  message: string;
  source?: string;
}

export interface Note {
  id: string;
  kind: 'note' | 'assessment' | 'more-info-request';
  text: string;
  recommendation?: 'approve' | 'reject';
  documents?: DocumentKind[];
  by: string;
  at: string;
}

export interface StatusChange {
  status: ApplicationStatus;
  at: string;
  by: string;
  reasons?: string[];
}

export interface Repayment {
  id: string;
  amountVnd: number;
  on: IsoDate;
  by: string;
  at: string;
}

/** One loan application: the aggregate, stored as one document (its outbox embedded). */
export interface LoanApplication {
  id: string;
  borrowerKind: BorrowerKind;
  purpose: LoanPurpose;
  productCode: string;
  policyId: string;
  returneeId?: string;
  employerOrgId?: string;
  referralId?: string;
  amountVnd: number;
  termMonths: number;
  courseMonths?: number;
  plan: string;
  staffCount?: number;
  qualifyingEmployees?: number;
  borrower?: Borrower;
  confirmation?: CommuneConfirmation;
  savingsGroup?: { name: string };
  entrustedVia?: EntrustedOrganisation;
  security?: LoanSecurity;
  branchOrgId?: string;
  provinceCode?: string;
  communeCode?: string;
  status: ApplicationStatus;
  history: StatusChange[];
  eligibility: { eligible: boolean; failures: RuleFailure[]; checkedOn: IsoDate };
  documents: StoredDocument[];
  reviewerId?: string;
  notes: Note[];
  /** The SLA clock starts when the file is complete (submitted, or resubmitted after more information). */
  completeOn?: IsoDate;
  decision?: { decision: 'approved' | 'rejected'; reasons: string[]; by: string; at: string; assessedBy: string[] };
  disbursement?: { amountVnd: number; on: IsoDate; by: string; at: string };
  schedule?: Instalment[];
  repayments: Repayment[];
  createdBy: Actor;
  createdAt: string;
  updatedAt: string;
}
