import { http, type Page } from './http';

export type LoanStatus = 'draft' | 'submitted' | 'under-review' | 'more-info-needed' | 'approved' | 'rejected' | 'disbursed' | 'repaying' | 'closed' | 'overdue' | 'withdrawn';

export interface RuleFailure {
  rule: string;
  message: string;
  [extra: string]: unknown;
}

export interface LoanApplication {
  id: string;
  status: LoanStatus;
  borrowerKind: 'individual' | 'business';
  purpose: string;
  productCode: string;
  returneeId?: string;
  returnee?: { givenName?: string; creditWindowEndsOn?: string; releaseKindEligible?: boolean };
  amountVnd: number;
  termMonths: number;
  plan: string;
  eligibility: { eligible: boolean; failures: RuleFailure[]; checkedOn?: string };
  documents: { id?: string; kind?: string; name?: string; [extra: string]: unknown }[];
  reviewerId?: string;
  notes: { kind?: string; text?: string; by?: string; at?: string; recommendation?: string }[];
  decisionClock?: { completeOn: string; ageWorkingDays: number; dueOn: string; breached: boolean };
  decision?: { decision: 'approved' | 'rejected'; reasons: string[]; by: string; at: string };
  history: { status: LoanStatus; at: string; by: string; reasons?: string[] }[];
  createdAt: string;
  updatedAt: string;
}

export interface Instalment {
  number: number;
  dueOn: string;
  openingBalanceVnd: number;
  principalVnd: number;
  interestVnd: number;
  paidPrincipalVnd?: number;
  paidInterestVnd?: number;
  state?: 'paid' | 'partly-paid' | 'upcoming' | 'due' | 'overdue';
  daysOverdue?: number;
}

/** services/loans/openapi.yaml `Schedule`: projected (as if disbursed today) until the disbursement is recorded. */
export interface Schedule {
  applicationId: string;
  projected: boolean;
  principalVnd: number;
  termMonths: number;
  disbursedOn: string;
  monthlyRatePercent: number;
  asOf: string;
  instalments: Instalment[];
  outstandingPrincipalVnd?: number;
  overduePrincipalVnd?: number;
  payoffVnd?: number;
  overdue?: boolean;
  settled?: boolean;
  totalInterestVnd?: number;
}

/** An amount on a date (disbursement, repayment). */
export interface Money {
  amountVnd: number;
  on: string;
}

const base = '/api/loans';
const id = (value: string) => encodeURIComponent(value);

/** loans: the branch's queue, review with four-eyes decisions, schedule and repayments. */
export const loansApi = {
  list: (query: { status?: LoanStatus; limit?: number; cursor?: string } = {}) => http.get<Page<LoanApplication>>(`${base}/applications`, query),
  get: (applicationId: string) => http.get<LoanApplication>(`${base}/applications/${id(applicationId)}`),
  assign: (applicationId: string) => http.post<LoanApplication>(`${base}/applications/${id(applicationId)}/assign`, {}),
  addNote: (applicationId: string, note: { kind: 'note' | 'assessment'; text: string; recommendation?: 'approve' | 'reject' }) =>
    http.post<unknown>(`${base}/applications/${id(applicationId)}/notes`, note),
  decide: (applicationId: string, decision: { decision: 'approved' | 'rejected'; reasons: string[] }) =>
    http.post<LoanApplication>(`${base}/applications/${id(applicationId)}/decision`, decision),
  schedule: (applicationId: string) => http.get<Schedule>(`${base}/applications/${id(applicationId)}/schedule`),
  disburse: (applicationId: string, money: Money) => http.post<LoanApplication>(`${base}/applications/${id(applicationId)}/disbursement`, money),
  repay: (applicationId: string, money: Money, idempotencyKey: string) =>
    http.post<{ status: LoanStatus }>(`${base}/applications/${id(applicationId)}/repayments`, money, { idempotencyKey }),
};
