import { lockErrorAsBusy } from '@hoanhap/kit';

/** The repository with each method's lock errors translated (kit's `lockErrorAsBusy`: a 503 to retry shortly, not a 500). */
export function busyAsUnavailable<R extends object>(repository: R): R {
  const wrapped: Record<string, unknown> = {};
  for (const [name, value] of Object.entries(repository)) {
    wrapped[name] =
      typeof value === 'function'
        ? (...args: unknown[]) => {
            try {
              const result = (value as (...a: unknown[]) => unknown)(...args);
              return result instanceof Promise ? result.catch((error: unknown) => Promise.reject(lockErrorAsBusy(error))) : result;
            } catch (error) {
              throw lockErrorAsBusy(error);
            }
          }
        : value;
  }
  return wrapped as R;
}
