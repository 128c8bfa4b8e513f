import { AppError, type FieldError } from '@hoanhap/kit';

/** Every error this service answers with, by code (codes cross processes; classes do not). */
export const errors = {
  /** Another province's file, a deleted file, or no file: the same answer, so existence does not leak. */
  returneeNotFound: (id: string) => new AppError('RETURNEE.NOT_FOUND', 404, `no returnee file ${id}`),
  referralNotFound: (id: string) => new AppError('REFERRAL.NOT_FOUND', 404, `no referral ${id}`),
  noProvince: () => new AppError('AUTH.NO_PROVINCE', 403, 'an officer token must carry the officer’s provinceCode'),
  otherProvince: (field: string) =>
    new AppError('RETURNEE.OTHER_PROVINCE', 403, 'officers work on files of their own province only', {
      errors: [{ field, in: 'body', rule: 'province', message: 'must be the officer’s own province' }],
    }),
  invalid: (fieldErrors: FieldError[]) =>
    new AppError('RETURNEE.INVALID', 422, fieldErrors.map((e) => `${e.field}: ${e.message}`).join('; '), { errors: fieldErrors }),
  nationalIdTaken: (existingId: string) =>
    new AppError('RETURNEE.NATIONAL_ID_TAKEN', 409, 'a file with this national ID already exists', {
      errors: [{ field: 'nationalId', in: 'body', rule: 'unique', message: 'already recorded in another file' }],
      extensions: { existingId },
      retryable: false,
    }),
  consentMissing: (purpose: string) =>
    new AppError('REFERRAL.CONSENT_MISSING', 422, `the returnee has not consented to ${purpose}`, {
      errors: [{ field: 'target.kind', in: 'body', rule: 'consent', message: `needs consent ${purpose}` }],
    }),
  noteIdentifies: () =>
    new AppError(
      'REFERRAL.NOTE_IDENTIFIES',
      422,
      'the note goes to the receiving organisation: leave out the full name, national ID and phone',
      {
        errors: [{ field: 'note', in: 'body', rule: 'privacy', message: 'must not contain the full name, national ID or phone' }],
      },
    ),
  targetNotYetKnown: (kind: string, id: string, retryAfterSec: number) =>
    new AppError('REFERRAL.TARGET_NOT_YET_KNOWN', 409, `no ${kind} ${id} has been heard of yet; try again shortly`, {
      errors: [{ field: 'target.id', in: 'body', rule: 'known', message: 'not known yet' }],
      headers: { 'Retry-After': String(retryAfterSec) },
    }),
  targetClosed: (kind: string, id: string) =>
    new AppError('REFERRAL.TARGET_CLOSED', 422, `${kind} ${id} is no longer open`, {
      errors: [{ field: 'target.id', in: 'body', rule: 'open', message: 'no longer open' }],
    }),
  referralClosed: (id: string, status: string) => new AppError('REFERRAL.ALREADY_ANSWERED', 409, `referral ${id} is already ${status}`),
  notActive: (id: string, status: string) => new AppError('RETURNEE.NOT_ACTIVE', 409, `file ${id} is ${status}`),
  noPendingTransfer: (id: string) => new AppError('TRANSFER.NONE_PENDING', 409, `file ${id} has no pending transfer`),
  transferNotForYou: () => new AppError('TRANSFER.OTHER_PROVINCE', 403, 'only an officer of the receiving province may accept'),
  sameAddress: () =>
    new AppError('TRANSFER.SAME_ADDRESS', 422, 'the file is already at this commune', {
      errors: [{ field: 'communeCode', in: 'body', rule: 'different', message: 'must differ from the current commune' }],
    }),
  importInvalid: (rows: unknown[], message: string) => new AppError('IMPORT.INVALID', 422, message, { extensions: { imported: 0, rows } }),
  /** A row could not be stored after all rows passed: 409 when another file took its national ID meanwhile. */
  importFailed: (rows: unknown[], message: string, cause: unknown) =>
    (cause as { code?: number })?.code === 11000
      ? new AppError('IMPORT.CONFLICT', 409, message, { extensions: { imported: 0, rows }, cause, retryable: false })
      : new AppError('IMPORT.FAILED', 500, message, { extensions: { imported: 0, rows }, cause }),
  importUnreadable: (message: string) =>
    new AppError('IMPORT.UNREADABLE', 400, message, { errors: [{ field: 'file', in: 'body', rule: 'xlsx', message }] }),
};
