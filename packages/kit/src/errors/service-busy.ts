import { AppError } from './app-error';

// packages/events' lock errors: the aggregate stayed locked, or the lock expired before the write (nothing written)
const LOCK_ERRORS = new Set(['EVENTS.AGGREGATE_BUSY', 'EVENTS.LOCK_EXPIRED']);

/**
 * A lock error of the aggregate store as 503 SERVICE.BUSY with Retry-After (a record another writer holds too long,
 * to retry shortly, not a 500; the store's error its cause); any other error as it is.
 */
export function lockErrorAsBusy(error: unknown): unknown {
  const code = (error as { code?: unknown } | null)?.code;
  if (typeof code !== 'string' || !LOCK_ERRORS.has(code)) return error;
  return new AppError('SERVICE.BUSY', 503, 'this record is being changed by someone else; try again', {
    cause: error,
    headers: { 'Retry-After': '1' },
    retryable: true,
  });
}
