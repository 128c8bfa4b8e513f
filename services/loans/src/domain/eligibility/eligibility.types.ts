import type { IsoDate } from '../calendar/iso-date';
import type { LoanApplication } from '../application.types';
import type { BorrowerKind, CreditPolicy, LoanProduct } from '../policy/credit-policy.types';

/** What loans knows of a returnee: the bankView facts cases publishes with shareWithBank consent, nothing more. */
export interface ReturneeFacts {
  returneeId: string;
  revision: number;
  shareWithBank: boolean;
  givenName?: string;
  provinceCode?: string;
  communeCode?: string;
  creditWindowEndsOn?: IsoDate;
  releaseKindEligible?: boolean;
}

export type CheckedFields = Pick<
  LoanApplication,
  'borrowerKind' | 'purpose' | 'amountVnd' | 'termMonths' | 'courseMonths' | 'staffCount' | 'qualifyingEmployees' | 'confirmation' | 'security'
>;

export interface EligibilityInput {
  policy: CreditPolicy;
  product: LoanProduct;
  /** The day of the check, in Vietnam. */
  today: IsoDate;
  application: CheckedFields;
  /** Individuals only; absent when consent was withdrawn. */
  returnee?: ReturneeFacts;
  /** Ids of this borrower's outstanding loans for the same purpose (this service's own data). */
  outstandingSamePurpose: string[];
}

/** One legal condition, in its own module, with the text it comes from. */
export interface EligibilityRule {
  name: string;
  appliesTo: readonly BorrowerKind[];
  source(input: EligibilityInput): string;
  /** A message saying what fails, or undefined when the condition holds. */
  check(input: EligibilityInput): string | undefined;
}

/** 99999999 → "99,999,999 VND": messages are read by officers and bank staff. */
export const vnd = (amount: number): string => `${amount.toLocaleString('en-US')} VND`;
