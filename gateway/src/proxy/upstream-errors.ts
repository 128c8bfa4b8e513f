import { AppError, isAppError } from '@hoanhap/kit';

const UNREACHABLE = new Set(['ECONNREFUSED', 'ENOTFOUND', 'EHOSTUNREACH', 'ENETUNREACH', 'EAI_AGAIN', 'UND_ERR_CONNECT_TIMEOUT']);
const TIMED_OUT = new Set(['UND_ERR_HEADERS_TIMEOUT', 'UND_ERR_BODY_TIMEOUT']);
// A pooled keep-alive connection the service closed (a restart) fails like this before any answer.
const STALE_CONNECTION = new Set(['UND_ERR_SOCKET', 'ECONNRESET', 'EPIPE']);

export const errorCode = (error: unknown): string | undefined => {
  const e = error as { code?: string; cause?: { code?: string } } | null;
  return e?.code ?? e?.cause?.code;
};

/** True when the request never reached a live service, so an idempotent one may be sent once more. */
export const isStaleConnection = (error: unknown) => STALE_CONNECTION.has(errorCode(error) ?? '');

/**
 * What the client is told when a service fails before answering: 503 when
 * it cannot be reached (down, not started), 504 when it did not answer
 * within the timeout, 502 for anything else it did wrong. Never the error's
 * insides; the cause stays on the log line.
 */
export function upstreamProblem(error: unknown, service: string, timeoutMs: number): AppError {
  const code = errorCode(error);
  if (isAppError(error)) return error; // ours, e.g. the body-size limit hit while streaming
  if (code && UNREACHABLE.has(code)) {
    return new AppError('UPSTREAM.UNAVAILABLE', 503, `the ${service} service is not reachable`, {
      cause: error,
      headers: { 'Retry-After': '5' },
      extensions: { service },
    });
  }
  if (code && TIMED_OUT.has(code)) {
    return new AppError('UPSTREAM.TIMEOUT', 504, `the ${service} service did not answer within ${timeoutMs} ms`, { cause: error, extensions: { service } });
  }
  return new AppError('UPSTREAM.BAD_GATEWAY', 502, `the ${service} service failed to answer`, { cause: error, extensions: { service } });
}
