import { defineEvent } from '../event-definition';
import { communeCode, dateTime, opaqueId, provinceCode, uuid, vnd } from './common.schema-parts';
import { loansGuarded, loansPurpose } from './loans.schema-parts';

export type LoanApplicationStatusV1 =
  | 'draft'
  | 'submitted'
  | 'under-review'
  | 'more-info-needed'
  | 'approved'
  | 'rejected'
  | 'disbursed'
  | 'repaying'
  | 'closed'
  | 'overdue'
  | 'withdrawn';

/**
 * A loan application was created or changed status (ARCHITECTURE §3 table). `referralId` is set when the
 * application came from a cases referral (target.kind = loan), so cases can move that referral along.
 * `returneeId` is set for an individual's loan, `employerOrgId` for a business's. Never the bank's view of the
 * returnee (window, release kind), never identity, offence, sentence or grade. Consumers: cases, reports.
 * Key = applicationId.
 */
export interface LoanApplicationStatusChangedV1 {
  applicationId: string;
  referralId?: string;
  returneeId?: string;
  employerOrgId?: string;
  borrowerKind: 'individual' | 'business';
  purpose: 'production' | 'training' | 'business';
  status: LoanApplicationStatusV1;
  /** The status before this change; absent when the application was just created. */
  previousStatus?: LoanApplicationStatusV1;
  /** Requested amount, or the approved or disbursed amount once there is one. */
  amountVnd: number;
  /** Why it was rejected, withdrawn or sent back for more information. */
  reasons?: string[];
  /** The VBSP branch (bank organisation id) that reviews it, once routed. */
  branchOrgId?: string;
  provinceCode?: string;
  communeCode?: string;
  at: string;
}

const statuses = ['draft', 'submitted', 'under-review', 'more-info-needed', 'approved', 'rejected', 'disbursed', 'repaying', 'closed', 'overdue', 'withdrawn'];

export const loanApplicationStatusChangedV1Schema = loansGuarded({
  type: 'object',
  required: ['applicationId', 'borrowerKind', 'purpose', 'status', 'amountVnd', 'at'],
  properties: {
    applicationId: opaqueId,
    referralId: uuid,
    returneeId: uuid,
    employerOrgId: opaqueId,
    borrowerKind: { enum: ['individual', 'business'] },
    purpose: loansPurpose,
    status: { enum: statuses },
    previousStatus: { enum: statuses },
    amountVnd: vnd,
    reasons: { type: 'array', maxItems: 50, items: { type: 'string', minLength: 1, maxLength: 1000 } },
    branchOrgId: opaqueId,
    provinceCode: provinceCode,
    communeCode: communeCode,
    at: dateTime,
  },
});

/** Topic `loans.application.status-changed.v1`, key = applicationId. */
export const loanApplicationStatusChangedV1 = defineEvent<LoanApplicationStatusChangedV1>({
  service: 'loans',
  entity: 'application',
  event: 'status-changed',
  version: 1,
  payloadSchema: loanApplicationStatusChangedV1Schema,
});
