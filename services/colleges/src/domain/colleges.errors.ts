import { AppError, type FieldError } from '@hoanhap/kit';

const fieldError = (field: string, rule: string, message: string, where: FieldError['in'] = 'body'): FieldError => ({ field, in: where, rule, message });

/** The colleges service's error codes in one place, so the OpenAPI document and clients can list them. */
export const errors = {
  /** 400 naming each failing field, like the kit's schema validation (same code, so clients handle one shape). */
  invalid: (problems: FieldError[]) =>
    new AppError('REQUEST.VALIDATION_FAILED', 400, problems.map((p) => p.message).join('; '), { errors: problems }),
  field: fieldError,
  notFound: (kind: 'COURSE' | 'COHORT' | 'ENROLMENT' | 'CERTIFICATE' | 'COLLEGE', id: string) =>
    new AppError(`${kind}.NOT_FOUND`, 404, `no ${kind.toLowerCase()} ${id}`),
  collegeProfileMissing: () =>
    new AppError('COLLEGE.PROFILE_MISSING', 409, 'record the college profile first: PUT /organisations/me'),
  notYetKnown: (what: string, ids: string[], retryAfterSec: number) =>
    new AppError(`${what.toUpperCase()}.NOT_YET_KNOWN`, 409, `not heard of yet from events: ${ids.join(', ')}; try again shortly`, {
      headers: { 'Retry-After': String(retryAfterSec) },
      extensions: { unknownIds: ids },
    }),
  transition: (kind: 'COHORT' | 'ENROLMENT', from: string, to: string, allowed: readonly string[]) =>
    new AppError(`${kind}.TRANSITION_NOT_ALLOWED`, 409, `a ${kind.toLowerCase()} that is ${from} cannot become ${to}`, {
      extensions: { from, to, allowed },
    }),
  cohortFull: (cohortId: string) => new AppError('COHORT.FULL', 409, `cohort ${cohortId} has no seat left; the person stays on the waiting list`),
  seatsTaken: (taken: number) =>
    new AppError('COHORT.SEATS_TAKEN', 409, `${taken} seats are taken or being taken; seats cannot go below that`, {
      errors: [fieldError('seats', 'minimum', `seats cannot go below the ${taken} seats taken`)],
    }),
  cohortNotRunning: (status: string) =>
    new AppError('COHORT.NOT_RUNNING', 409, `completion needs the cohort to be running or finished; it is ${status}`),
  notPrisonDelivery: () => new AppError('COHORT.NOT_PRISON_DELIVERY', 409, 'a roster is given only for courses delivered in a prison or detention centre'),
  enrolmentNotActive: (status: string) => new AppError('ENROLMENT.NOT_ACTIVE', 409, `attendance is recorded for enrolled people; this enrolment is ${status}`),
};
