/** One failing field of an RFC 9457 problem (`errors[]`), as every service sends it. */
export interface FieldProblem {
  field: string;
  in?: 'body' | 'query' | 'path' | 'header';
  rule: string;
  message: string;
}

/** The body of an `application/problem+json` answer. */
export interface Problem {
  type?: string;
  title?: string;
  status: number;
  code: string;
  detail?: string;
  requestId?: string;
  errors?: FieldProblem[];
  [extra: string]: unknown;
}

/** An API answer that was not 2xx, with the problem's code and fields. */
export class ApiError extends Error {
  override readonly name = 'ApiError';
  constructor(
    readonly status: number,
    readonly problem: Problem,
    readonly retryAfterSeconds?: number,
  ) {
    super(problem.detail ?? problem.title ?? `HTTP ${status}`);
  }

  get code(): string {
    return this.problem.code;
  }

  get fieldErrors(): FieldProblem[] {
    return this.problem.errors ?? [];
  }
}

/** The gateway or service could not be reached at all. */
export class NetworkError extends Error {
  override readonly name = 'NetworkError';
}

export function isApiError(error: unknown, status?: number): error is ApiError {
  return error instanceof ApiError && (status === undefined || error.status === status);
}
