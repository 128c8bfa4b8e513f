import type { components } from '@hoanhap/contracts/src/generated/loans';
import { http } from './http';

type Schemas = components['schemas'];

export type LoanStatus = Schemas['Status'];
export type RuleFailure = Schemas['RuleFailure'];
export type LoanApplication = Schemas['Application'];
export type Instalment = Schemas['Instalment'];
/** services/loans/openapi.yaml `Schedule`: projected (as if disbursed today) until the disbursement is recorded. */
export type Schedule = Schemas['Schedule'];
/** An amount on a date (disbursement, repayment). */
export type Money = Schemas['Money'];

const base = '/api/loans';
const id = (value: string) => encodeURIComponent(value);

/** loans: the branch's queue, review with four-eyes decisions, schedule and repayments. */
export const loansApi = {
  list: (query: { status?: LoanStatus; limit?: number; cursor?: string } = {}) =>
    http.get<Schemas['ApplicationPage']>(`${base}/applications`, query),
  get: (applicationId: string) => http.get<LoanApplication>(`${base}/applications/${id(applicationId)}`),
  assign: (applicationId: string) => http.post<LoanApplication>(`${base}/applications/${id(applicationId)}/assign`, {}),
  addNote: (applicationId: string, note: Schemas['NewNote']) =>
    http.post<Schemas['Note']>(`${base}/applications/${id(applicationId)}/notes`, note),
  decide: (applicationId: string, decision: Schemas['Decision']) =>
    http.post<LoanApplication>(`${base}/applications/${id(applicationId)}/decision`, decision),
  schedule: (applicationId: string) => http.get<Schedule>(`${base}/applications/${id(applicationId)}/schedule`),
  disburse: (applicationId: string, money: Money) =>
    http.post<LoanApplication>(`${base}/applications/${id(applicationId)}/disbursement`, money),
  repay: (applicationId: string, money: Money, idempotencyKey: string) =>
    http.post<Schemas['RepaymentResult']>(`${base}/applications/${id(applicationId)}/repayments`, money, { idempotencyKey }),
};
