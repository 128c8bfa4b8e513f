/** What a loan is for; `business` is a loan to an establishment employing returnees. */
export type LoanPurpose = 'production' | 'training' | 'business';
export type BorrowerKind = 'individual' | 'business';

/** The socio-political organisations through which VBSP lends to individuals by entrustment. */
export type EntrustedOrganisation = 'hoi-nong-dan' | 'hoi-phu-nu' | 'doan-thanh-nien' | 'hoi-cuu-chien-binh';

export type DocumentKind =
  | 'loan-request'
  | 'use-of-funds-plan'
  | 'commune-confirmation'
  | 'course-enrolment'
  | 'labour-contracts'
  | 'business-registration'
  | 'security-documents';

/** A figure together with the legal text it comes from, so that a reviewer can check it. */
export interface Sourced<T> {
  value: T;
  source: string;
}

export interface LoanProduct {
  code: string;
  purpose: LoanPurpose;
  borrowerKind: BorrowerKind;
  titleVi: string;
  titleEn: string;
  /** The cap, read with `amountBasis`. */
  maxAmountVnd: Sourced<number>;
  amountBasis: 'per-loan' | 'per-course-month' | 'per-project';
  /** Business loans: the cap per qualifying employee. */
  maxAmountPerEmployeeVnd?: Sourced<number>;
  maxTermMonths: Sourced<number>;
  /** Business loans: the least share of staff who are qualifying returnees on labour contracts, in percent. */
  minQualifyingStaffPercent?: Sourced<number>;
  /** The commune People's Committee form that confirms the borrower or the plan ('01' or '02'). */
  confirmationForm: Sourced<'01' | '02'>;
  /** Entrusted through a socio-political organisation (individuals) or lent directly (establishments). */
  lending: Sourced<'entrusted' | 'direct'>;
  /** The file's document checklist; `security-documents` is added when security is required. */
  documents: DocumentKind[];
}

/** How repayment schedules are built; see README "Schedule method". */
export interface ScheduleMethod {
  /** Equal principal instalments, interest on the declining balance. */
  method: 'equal-principal';
  /** `actual-days-30`: balance × monthly rate × days / 30 (VBSP's daily accrual); `whole-months`: balance × rate × months. */
  interestBasis: 'actual-days-30' | 'whole-months';
  /** Months between instalments. */
  instalmentEveryMonths: number;
}

/**
 * Everything legal in one dated configuration. A new decision (or a new poor-household rate) is a new
 * policy with a later `effectiveFrom`: data, not code.
 */
export interface CreditPolicy {
  id: string;
  titleVi: string;
  titleEn: string;
  /** The day it applies from (ISO date, Vietnam time). */
  effectiveFrom: string;
  /** Interest as for poor households, per month in percent (0.55 = 0.55 %/month = 6.6 %/year). */
  monthlyRatePercent: Sourced<number>;
  /** Overdue interest as a percentage of the lending rate. */
  overdueRatePercentOfRate: Sourced<number>;
  /** An individual applies within this many years of completing the sentence (cases computes the end date). */
  creditWindowYears: Sourced<number>;
  /** Above this amount the borrower gives security. */
  securityRequiredAboveVnd: Sourced<number>;
  /** VBSP decides within this many working days of a complete file. */
  decisionTargetWorkingDays: Sourced<number>;
  /** A borrower must have no outstanding VBSP loan for the same purpose. */
  noOutstandingSamePurpose: Sourced<boolean>;
  /** Household representative rule: who signs for an individual's loan. */
  householdRepresentative: Sourced<boolean>;
  entrustedOrganisations: EntrustedOrganisation[];
  schedule: ScheduleMethod;
  products: LoanProduct[];
}
