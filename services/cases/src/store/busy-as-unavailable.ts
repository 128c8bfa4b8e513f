import { AppError } from '@hoanhap/kit';

const BUSY = new Set(['EVENTS.AGGREGATE_BUSY', 'EVENTS.LOCK_EXPIRED']);

/** A file or referral that stays locked by another writer is a 503 to retry shortly, not a 500. */
function translate(error: unknown): unknown {
  const code = (error as { code?: unknown } | null)?.code;
  if (typeof code === 'string' && BUSY.has(code)) {
    return new AppError('SERVICE.BUSY', 503, 'this record is being changed by someone else; try again', {
      cause: error,
      headers: { 'Retry-After': '1' },
      retryable: true,
    });
  }
  return error;
}

/** The repository with each method's lock errors translated (see `translate`). */
export function busyAsUnavailable<R extends object>(repository: R): R {
  const wrapped: Record<string, unknown> = {};
  for (const [name, value] of Object.entries(repository)) {
    wrapped[name] =
      typeof value === 'function'
        ? (...args: unknown[]) => {
            try {
              const result = (value as (...a: unknown[]) => unknown)(...args);
              return result instanceof Promise ? result.catch((error: unknown) => Promise.reject(translate(error))) : result;
            } catch (error) {
              throw translate(error);
            }
          }
        : value;
  }
  return wrapped as R;
}
