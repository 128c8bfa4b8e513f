import { STATUS_CODES, type OutgoingHttpHeaders } from 'node:http';
import { type FieldError, isAppError } from './app-error';
import { isStoreBusy, isStoreUnavailable } from './store-errors';

/** An RFC 9457 problem document as every service answers it. */
export interface Problem {
  type: string;
  title: string;
  status: number;
  code: string;
  detail?: string;
  errors?: FieldError[];
  [extension: string]: unknown;
}

export interface ClassifiedError {
  problem: Problem;
  headers: Record<string, string>;
  /** Worth trying again later (a dependency down, something not known yet), as opposed to a bad input. */
  retryable: boolean;
  /** Not caused by the input: log it with its stack. */
  unexpected: boolean;
}

const PROBLEM_TYPE_BASE = 'urn:hoanhap:problem:';

function problem(status: number, code: string, detail?: string, errors?: FieldError[]): Problem {
  return {
    type: `${PROBLEM_TYPE_BASE}${code}`,
    title: STATUS_CODES[status] ?? 'Error',
    status,
    code,
    ...(detail === undefined ? {} : { detail }),
    ...(errors?.length ? { errors } : {}),
  };
}

// body-parser (inside express.json) reports its failures with a `type`; each is the client's fault.
const BODY_PARSER_ERRORS: Record<string, [number, string, string]> = {
  'entity.too.large': [413, 'REQUEST.TOO_LARGE', 'The request body is larger than this service accepts.'],
  'entity.parse.failed': [400, 'REQUEST.MALFORMED_JSON', 'The request body is not valid JSON.'],
  'encoding.unsupported': [415, 'REQUEST.UNSUPPORTED_ENCODING', 'The request body encoding is not supported.'],
  'charset.unsupported': [415, 'REQUEST.UNSUPPORTED_CHARSET', 'The request body charset is not supported.'],
  'request.aborted': [400, 'REQUEST.ABORTED', 'The request body was not received completely.'],
  'request.size.invalid': [400, 'REQUEST.SIZE_INVALID', 'The request body length does not match Content-Length.'],
};

const isRetryableStatus = (status: number) => status >= 500 || status === 409 || status === 429;

/**
 * The one place that decides what an error means, for HTTP handlers and Kafka
 * consumers alike: its problem document, headers, whether a retry may help and
 * whether it is unexpected. Unknown errors become a 500 that says nothing
 * about their insides (no message, no stack).
 */
export function classifyError(error: unknown): ClassifiedError {
  if (isAppError(error)) {
    const body = { ...error.extensions, ...problem(error.httpStatus, error.code, error.message, error.errors) };
    return {
      problem: body,
      headers: error.headers ?? {},
      retryable: error.retryable ?? isRetryableStatus(error.httpStatus),
      unexpected: error.httpStatus >= 500,
    };
  }
  const http = error as { type?: string; status?: number; statusCode?: number; expose?: boolean } | null;
  const known = http?.type ? BODY_PARSER_ERRORS[http.type] : undefined;
  if (known) return { problem: problem(...known), headers: {}, retryable: false, unexpected: false };
  const status = http?.status ?? http?.statusCode;
  if (http?.expose === true && typeof status === 'number' && status >= 400 && status < 500) {
    return { problem: problem(status, 'REQUEST.INVALID', STATUS_CODES[status]), headers: {}, retryable: false, unexpected: false };
  }
  // the database saying "not now": 503 with Retry-After, so that clients (and consumers) try again, never a 500
  if (isStoreBusy(error)) {
    return {
      problem: problem(503, 'STORE.BUSY', 'The database is busy; try again.'),
      headers: { 'Retry-After': '1' },
      retryable: true,
      unexpected: false,
    };
  }
  if (isStoreUnavailable(error)) {
    return {
      problem: problem(503, 'STORE.UNAVAILABLE', 'The database is unavailable; try again.'),
      headers: { 'Retry-After': '2' },
      retryable: true,
      unexpected: false,
    };
  }
  return { problem: problem(500, 'INTERNAL', 'An unexpected error occurred.'), headers: {}, retryable: true, unexpected: true };
}

/**
 * A problem document as it leaves over HTTP, whoever writes it (the express error handler, a hot route, a front
 * thread): its status, its headers with the problem+json type, and its JSON text.
 */
export function problemAnswer(
  problem: Problem,
  headers: OutgoingHttpHeaders = {},
): { status: number; headers: OutgoingHttpHeaders; body: string } {
  return {
    status: problem.status,
    headers: { ...headers, 'content-type': 'application/problem+json; charset=utf-8' },
    body: JSON.stringify(problem),
  };
}

/** The problem document for an error (see {@link classifyError}). */
export function toProblem(error: unknown): Problem {
  return classifyError(error).problem;
}
