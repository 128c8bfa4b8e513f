import { AppError, type FieldError } from '@hoanhap/kit';

const fieldError = (field: string, rule: string, message: string, where: FieldError['in'] = 'body'): FieldError => ({
  field,
  in: where,
  rule,
  message,
});

/** The service's error codes in one place, so the OpenAPI document and the web app can list them. */
export const errors = {
  invalid: (code: string, field: string, rule: string, message: string, where: FieldError['in'] = 'body') =>
    new AppError(code, 400, message, { errors: [fieldError(field, rule, message, where)] }),
  // another organisation's job is "not found", never "forbidden": the answer must not confirm it exists (OWASP API1)
  jobNotFound: (id: string) => new AppError('JOB.NOT_FOUND', 404, `no job ${id}`),
  applicationNotFound: (id: string) => new AppError('APPLICATION.NOT_FOUND', 404, `no application ${id}`),
  organisationNotFound: (id: string) => new AppError('ORGANISATION.NOT_FOUND', 404, `no employer profile ${id}`),
  profileMissing: () =>
    new AppError(
      'ORGANISATION.PROFILE_MISSING',
      404,
      'this organisation has no employer profile yet; create it with PUT /organisations/me',
    ),
  noOrganisation: () => new AppError('AUTH.NO_ORGANISATION', 403, 'the token names no organisation (orgId) to act for'),
  pledgeMissing: () =>
    new AppError('ORGANISATION.PLEDGE_MISSING', 409, 'the fair-chance pledge must be accepted before the organisation is verified'),
  jobTransitionIllegal: (from: string, to: string) =>
    new AppError('JOB.TRANSITION_ILLEGAL', 409, `a job cannot go from ${from} to ${to}`, { extensions: { from, to } }),
  openingsBelowHires: (filled: number) =>
    new AppError('JOB.OPENINGS_BELOW_HIRES', 409, `openings cannot be fewer than the ${filled} hires already made`, {
      extensions: { filled },
    }),
  jobFull: (jobId: string) => new AppError('JOB.FULL', 409, `every opening of job ${jobId} is filled`),
  transitionIllegal: (from: string, to: string) =>
    new AppError('APPLICATION.TRANSITION_ILLEGAL', 409, `an application cannot go from ${from} to ${to}`, { extensions: { from, to } }),
  notHired: (id: string) => new AppError('APPLICATION.NOT_HIRED', 409, `application ${id} has no hire to check on`),
  checkInRecorded: (months: number) =>
    new AppError('CHECK_IN.ALREADY_RECORDED', 409, `the ${months}-month check-in of this hire is already recorded`),
  returneeNotYetKnown: (id: string) =>
    new AppError('RETURNEE.NOT_YET_KNOWN', 409, `returnee ${id} is not known here yet; try again shortly`, {
      headers: { 'Retry-After': '2' },
    }),
  returneeNotFound: (id: string) => new AppError('RETURNEE.NOT_FOUND', 404, `no discoverable returnee ${id}`),
  invitationExists: (existingId: string) =>
    new AppError('INVITATION.ALREADY_REQUESTED', 409, 'this candidate was already proposed for this job', { extensions: { existingId } }),
  jobNotOpen: (jobId: string, status: string) => new AppError('JOB.NOT_OPEN', 409, `job ${jobId} is ${status}, not open`),
};
