import { useCallback, useEffect, useRef, useState } from 'react';

export interface AsyncState<T> {
  data: T | undefined;
  error: unknown;
  loading: boolean;
  reload(): void;
}

/** Runs `load` when `deps` change and on `reload()`; ignores answers that arrive after a newer call. */
export function useAsync<T>(load: () => Promise<T>, deps: readonly unknown[]): AsyncState<T> {
  const [data, setData] = useState<T>();
  const [error, setError] = useState<unknown>();
  const [loading, setLoading] = useState(true);
  const [tick, setTick] = useState(0);
  const call = useRef(0);

  useEffect(() => {
    const id = ++call.current;
    setLoading(true);
    setError(undefined);
    load().then(
      (value) => {
        if (id !== call.current) return;
        setData(value);
        setLoading(false);
      },
      (failure: unknown) => {
        if (id !== call.current) return;
        setError(failure);
        setLoading(false);
      },
    );
    // `load` is a new function on each render; the caller lists what it depends on
  }, [...deps, tick]);

  const reload = useCallback(() => setTick((n) => n + 1), []);
  return { data, error, loading, reload };
}
