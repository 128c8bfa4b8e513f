import { AppError } from '@hoanhap/kit';
import type { RuleFailure } from './application.types';

const bodyField = (field: string, rule: string, message: string) => ({ field, in: 'body' as const, rule, message });

/** The loans service's error codes, in one place so that the OpenAPI document and the web app can list them. */
export const errors = {
  notFound: (id: string) => new AppError('LOAN.APPLICATION_NOT_FOUND', 404, `no loan application ${id}`),
  documentNotFound: (id: string) => new AppError('LOAN.DOCUMENT_NOT_FOUND', 404, `no document ${id} on this application`),
  returneeNotYetKnown: (returneeId: string, retryAfterSec: number) =>
    new AppError('LOAN.RETURNEE_NOT_YET_KNOWN', 409, `returnee ${returneeId} is not known here yet; cases publishes the profile shortly`, {
      headers: { 'Retry-After': String(retryAfterSec) },
      errors: [bodyField('returneeId', 'known', 'no profile from cases for this returnee yet')],
    }),
  referralNotYetKnown: (referralId: string, retryAfterSec: number) =>
    new AppError('LOAN.REFERRAL_NOT_YET_KNOWN', 409, `referral ${referralId} is not known here yet`, {
      headers: { 'Retry-After': String(retryAfterSec) },
      errors: [bodyField('referralId', 'known', 'no referral from cases with this id yet')],
    }),
  referralMismatch: (message: string) => new AppError('LOAN.REFERRAL_MISMATCH', 422, message, { errors: [bodyField('referralId', 'matches', message)] }),
  bankConsentMissing: () =>
    new AppError('LOAN.BANK_CONSENT_MISSING', 422, 'the returnee has not consented to share credit facts with the bank (shareWithBank)', {
      errors: [bodyField('returneeId', 'consent', 'shareWithBank consent is needed for a loan application')],
    }),
  outsideProvince: () => new AppError('LOAN.RETURNEE_OUTSIDE_PROVINCE', 403, "this returnee lives outside the officer's province"),
  field: (field: string, rule: string, message: string) => new AppError('REQUEST.VALIDATION_FAILED', 400, message, { errors: [bodyField(field, rule, message)] }),
  notEligible: (failures: RuleFailure[]) =>
    new AppError('LOAN.NOT_ELIGIBLE', 422, failures.map((f) => `${f.rule}: ${f.message}`).join('; '), {
      errors: failures.map((f) => bodyField(f.rule, f.rule, f.message)),
      extensions: { failures },
    }),
  wrongStatus: (status: string, action: string) => new AppError('LOAN.INVALID_STATUS', 409, `cannot ${action} an application that is ${status}`, { retryable: false }),
  fourEyes: () =>
    new AppError('LOAN.FOUR_EYES', 403, 'the decision needs a second pair of eyes: the reviewer who assessed this application cannot decide it'),
  notAssessed: () => new AppError('LOAN.NOT_ASSESSED', 409, 'record an assessment (a note of kind assessment) before deciding', { retryable: false }),
  reasonsRequired: () =>
    new AppError('REQUEST.VALIDATION_FAILED', 400, 'a rejection states its reasons', { errors: [bodyField('reasons', 'minItems', 'give at least one reason')] }),
  disbursementOverApproved: (approved: number) =>
    new AppError('LOAN.DISBURSEMENT_OVER_APPROVED', 422, `cannot disburse more than the approved ${approved} VND`, {
      errors: [bodyField('amountVnd', 'maximum', `at most ${approved}`)],
    }),
  dateOutOfRange: (field: string, message: string) => new AppError('LOAN.DATE_OUT_OF_RANGE', 422, message, { errors: [bodyField(field, 'range', message)] }),
  repaymentTooLarge: (payoff: number) =>
    new AppError('LOAN.REPAYMENT_EXCEEDS_BALANCE', 422, `the repayment is more than everything owed (${payoff} VND)`, {
      errors: [bodyField('amountVnd', 'maximum', `at most ${payoff}`)],
    }),
  documentType: (message: string) => new AppError('LOAN.DOCUMENT_TYPE_REFUSED', 415, message),
  documentTooLarge: (maxBytes: number) => new AppError('REQUEST.TOO_LARGE', 413, `a document may be at most ${maxBytes} bytes`),
  busy: () => new AppError('LOAN.BUSY', 503, 'the application is being changed by another request; try again', { headers: { 'Retry-After': '1' } }),
  noPolicy: (date: string) => new AppError('LOAN.NO_POLICY', 422, `no credit policy is in force on ${date}`),
  wrongBranch: () => new AppError('AUTH.FORBIDDEN_ORG', 403, "bank staff see their own branch's applications only"),
};
