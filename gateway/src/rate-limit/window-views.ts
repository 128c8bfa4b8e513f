/** What this gateway instance knows of one counter's window. */
interface WindowView {
  /** The count Redis last returned (it includes every instance's requests up to then). */
  known: number;
  /** This instance's requests sent to Redis whose counts have not come back yet. */
  inflight: number;
  /** When the window ends (ms since epoch); the view means nothing after. */
  resetAt: number;
}

export type Verdict = { kind: 'allow' } | { kind: 'deny'; index: number; retryAfterMs: number } | { kind: 'ask' };

/**
 * Lets most requests through without waiting for Redis. A request is allowed
 * at once (and counted in the background) when, for each of its counters,
 * the last count Redis returned plus this instance's requests still being
 * counted plus itself stay within `share` of the limit, and fewer than
 * `unconfirmedShare` of the limit are still being counted; it is refused at
 * once when a counter is already over its limit in a window that still
 * runs; otherwise it waits for Redis' count. On one instance this is exact.
 * Several instances do not see each other's unconfirmed requests: each adds
 * at most `unconfirmedShare` of the limit, which the headroom (1 − share)
 * absorbs for two instances; more instances may overshoot by that much each.
 */
export function createWindowViews(share = 0.9, unconfirmedShare = 0.05) {
  const views = new Map<string, WindowView>();
  let calls = 0;

  // Views of ended windows are dropped now and then so one-off IPs do not pile up.
  function sweep(now: number) {
    for (const [key, view] of views) if (view.inflight === 0 && view.resetAt <= now) views.delete(key);
  }

  return {
    judge(keys: string[], limits: readonly number[], now: number): Verdict {
      let allow = true;
      for (let i = 0; i < keys.length; i++) {
        const view = views.get(keys[i]!);
        const live = view !== undefined && view.resetAt > now;
        if (live && view.known > limits[i]!) return { kind: 'deny', index: i, retryAfterMs: view.resetAt - now };
        if (!live || view.known + view.inflight + 1 > limits[i]! * share || view.inflight >= Math.max(1, limits[i]! * unconfirmedShare)) allow = false;
      }
      return allow ? { kind: 'allow' } : { kind: 'ask' };
    },
    /** Records that these counters are being incremented in Redis. */
    begin(keys: string[], now: number): void {
      if (++calls % 1024 === 0) sweep(now);
      for (const key of keys) {
        const view = views.get(key) ?? { known: 0, inflight: 0, resetAt: 0 };
        view.inflight++;
        views.set(key, view);
      }
    },
    /** Takes in Redis' answer: `[count, ttlMs]` per key, in order. */
    settle(keys: string[], counts: number[], now: number): void {
      keys.forEach((key, i) => {
        const view = views.get(key)!;
        view.inflight--;
        const resetAt = now + counts[2 * i + 1]!;
        // answers can arrive out of order: within one window the count only grows
        view.known = view.resetAt > now ? Math.max(view.known, counts[2 * i]!) : counts[2 * i]!;
        view.resetAt = Math.max(view.resetAt, resetAt);
      });
    },
    /** Redis did not answer: the requests are no longer in flight. */
    abandon(keys: string[]): void {
      for (const key of keys) views.get(key)!.inflight--;
    },
  };
}
