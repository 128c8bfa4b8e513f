import { useCallback, useEffect, useRef, useState } from 'react';
import type { Page } from '../api/http';

export interface PagedState<T> {
  items: T[];
  loading: boolean;
  error: unknown;
  hasMore: boolean;
  loadMore(): void;
  reload(): void;
}

/** A cursor-paged list ("Xem thêm" appends the next page); starts again when `deps` change. */
export function usePaged<T>(load: (cursor: string | undefined) => Promise<Page<T>>, deps: readonly unknown[]): PagedState<T> {
  const [items, setItems] = useState<T[]>([]);
  const [cursor, setCursor] = useState<string | null>(null);
  const [loading, setLoading] = useState(true);
  const [error, setError] = useState<unknown>();
  const [tick, setTick] = useState(0);
  const generation = useRef(0);
  const loadRef = useRef(load);
  loadRef.current = load;

  const fetchPage = useCallback((after: string | undefined, append: boolean) => {
    const id = append ? generation.current : ++generation.current;
    setLoading(true);
    setError(undefined);
    loadRef.current(after).then(
      (page) => {
        if (id !== generation.current) return;
        setItems((previous) => (append ? [...previous, ...page.items] : page.items));
        setCursor(page.nextCursor);
        setLoading(false);
      },
      (failure: unknown) => {
        if (id !== generation.current) return;
        setError(failure);
        setLoading(false);
      },
    );
  }, []);

  useEffect(() => {
    fetchPage(undefined, false);
    // a change of filters starts the list again
  }, [...deps, tick, fetchPage]);

  return {
    items,
    loading,
    error,
    hasMore: cursor !== null,
    loadMore: () => cursor && fetchPage(cursor, true),
    reload: () => setTick((n) => n + 1),
  };
}
