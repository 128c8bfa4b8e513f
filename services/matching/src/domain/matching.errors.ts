import { AppError } from '@hoanhap/kit';

/** Seconds a client should wait before asking again about something events have not brought yet. */
export const NOT_YET_KNOWN_RETRY_SECONDS = 2;

export const matchingErrors = {
  /** Nothing about this id has arrived from events yet (registered a moment ago): ask again shortly. */
  notYetKnown: (what: 'returnee' | 'job', id: string) =>
    new AppError('MATCHING.NOT_YET_KNOWN', 409, `no ${what} ${id} is known to matching yet; events may still be on their way`, {
      headers: { 'Retry-After': String(NOT_YET_KNOWN_RETRY_SECONDS) },
      extensions: { retryAfterSeconds: NOT_YET_KNOWN_RETRY_SECONDS },
    }),
  noConsent: (id: string) => new AppError('MATCHING.NO_MATCHING_CONSENT', 409, `returnee ${id} has not consented to matching (or withdrew it)`),
  otherProvince: () => new AppError('MATCHING.OTHER_PROVINCE', 403, 'this returnee is managed in another province'),
  notYours: () => new AppError('MATCHING.NOT_YOURS', 403, 'a returnee may only see their own matches'),
  notYourJob: () => new AppError('MATCHING.NOT_YOUR_JOB', 403, 'this job belongs to another organisation'),
  jobNotOpen: (id: string, status: string) =>
    new AppError('MATCHING.JOB_NOT_OPEN', 409, `job ${id} is ${status}; only open jobs have candidates`, { extensions: { status } }),
  scanDisabled: () => new AppError('MATCHING.SCAN_DISABLED', 400, 'the full-scan baseline is enabled only for benchmarks (MATCHING_ALLOW_SCAN=true)'),
};
