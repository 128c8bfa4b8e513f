import { defineEvent } from '../event-definition';
import { isoDate, vnd } from './common.schema-parts';
import { loansGuarded, loansPurpose } from './loans.schema-parts';

/**
 * A loan product as the credit policy in force defines it (Decision 22/2023/QĐ-TTg today), published when
 * loans starts and whenever the configured policy changes. Consumers keep the latest per productCode:
 * matching (to propose credit). Key = productCode.
 */
export interface LoanProductPublishedV1 {
  productCode: string;
  purpose: 'production' | 'training' | 'business';
  /** The cap, read with `amountBasis`: per loan, per month of the course, or per project. */
  maxAmountVnd: number;
  amountBasis?: 'per-loan' | 'per-course-month' | 'per-project';
  /** Business loans: the cap per qualifying employee. */
  maxAmountPerEmployeeVnd?: number;
  maxTermMonths: number;
  /** Interest per month, in percent (0.55 = 0.55 %/month). */
  monthlyRatePercent: number;
  /** Overdue interest as a percentage of the rate (130 = 130 %). */
  overdueRatePercentOfRate?: number;
  /** Above this amount the borrower gives security. */
  securityRequiredAboveVnd?: number;
  effectiveFrom: string;
  titleVi: string;
  titleEn: string;
  /** The legal instrument the figures come from. */
  legalSource?: string;
}

export const loanProductPublishedV1Schema = loansGuarded({
  type: 'object',
  required: ['productCode', 'purpose', 'maxAmountVnd', 'maxTermMonths', 'monthlyRatePercent', 'effectiveFrom', 'titleVi', 'titleEn'],
  properties: {
    productCode: { type: 'string', pattern: '^[a-z0-9]+(-[a-z0-9]+)*$', maxLength: 100 },
    purpose: loansPurpose,
    maxAmountVnd: vnd,
    amountBasis: { enum: ['per-loan', 'per-course-month', 'per-project'] },
    maxAmountPerEmployeeVnd: vnd,
    maxTermMonths: { type: 'integer', minimum: 1, maximum: 600 },
    monthlyRatePercent: { type: 'number', exclusiveMinimum: 0, maximum: 100 },
    overdueRatePercentOfRate: { type: 'integer', minimum: 100, maximum: 1000 },
    securityRequiredAboveVnd: vnd,
    effectiveFrom: isoDate,
    titleVi: { type: 'string', minLength: 1, maxLength: 300 },
    titleEn: { type: 'string', minLength: 1, maxLength: 300 },
    legalSource: { type: 'string', maxLength: 300 },
  },
});

/** Topic `loans.product.published.v1`, key = productCode. */
export const loanProductPublishedV1 = defineEvent<LoanProductPublishedV1>({
  service: 'loans',
  entity: 'product',
  event: 'published',
  version: 1,
  payloadSchema: loanProductPublishedV1Schema,
});
