/** One failing input, as named in a problem's `errors` list. */
export interface FieldError {
  /** Dotted path of the failing field (`address.provinceCode`, `limit`). */
  field: string;
  /** Where the field was: body, query, path or header; `response` for an answer its OpenAPI document does not describe. */
  in?: 'body' | 'query' | 'path' | 'header' | 'response';
  /** The rule that failed (`required`, `maxLength`, `format`, `enum`…). */
  rule: string;
  message: string;
}

export interface AppErrorOptions {
  cause?: unknown;
  errors?: FieldError[];
  /** Response headers that belong to this error (`Retry-After`, `Allow`, `WWW-Authenticate`). */
  headers?: Record<string, string>;
  /** Overrides the default retry decision for Kafka consumers (5xx, 409, 429 retry). */
  retryable?: boolean;
  /** Extra members for the problem document (RFC 9457 extensions), e.g. `existingId`. */
  extensions?: Record<string, unknown>;
}

/**
 * The one application error. Codes are strings such as `'JOB.NOT_FOUND'`
 * because they survive crossing a process (logs, Kafka dead letters, HTTP),
 * where `instanceof` does not: see {@link isAppError}.
 *
 * @example throw new AppError('JOB.NOT_FOUND', 404, `no job ${id}`)
 */
export class AppError extends Error {
  override readonly name = 'AppError';
  readonly errors?: FieldError[];
  readonly headers?: Record<string, string>;
  readonly retryable?: boolean;
  readonly extensions?: Record<string, unknown>;

  constructor(
    readonly code: string,
    readonly httpStatus: number,
    message: string,
    options: AppErrorOptions = {},
  ) {
    super(message, options.cause === undefined ? undefined : { cause: options.cause });
    this.errors = options.errors;
    this.headers = options.headers;
    this.retryable = options.retryable;
    this.extensions = options.extensions;
  }
}

/** True for an AppError, even one built by another copy of this package. */
export function isAppError(error: unknown): error is AppError {
  const candidate = error as Partial<AppError> | null;
  return (
    typeof candidate === 'object' &&
    candidate !== null &&
    typeof candidate.code === 'string' &&
    typeof candidate.httpStatus === 'number' &&
    candidate.httpStatus >= 400 &&
    candidate.httpStatus < 600
  );
}
