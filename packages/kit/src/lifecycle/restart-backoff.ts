/**
 * When to start a crashed process again: 1 s after its first crash, doubling with each crash up to `maxMs`; a
 * process that had stayed up `stableAfterMs` is healthy again and starts over from 1 s. The one policy of every
 * supervisor here (`npm start`'s, matching's replicas).
 */
export interface RestartBackoff {
  /** The process has just been started. */
  started(): void;
  /** It has exited: the delay before starting it again. */
  next(): number;
  /** Restarts since the process was last stable. */
  readonly restarts: number;
}

export function restartBackoff(options: { maxMs?: number; stableAfterMs?: number; now?: () => number } = {}): RestartBackoff {
  const { maxMs = 30_000, stableAfterMs = 60_000, now = Date.now } = options;
  let restarts = 0;
  let startedAt = now();
  return {
    started: () => void (startedAt = now()),
    next: () => {
      if (now() - startedAt > stableAfterMs) restarts = 0;
      return Math.min(maxMs, 1000 * 2 ** restarts++);
    },
    get restarts() {
      return restarts;
    },
  };
}
