/**
 * Requests waiting for a job the model has not seen yet (`GET /jobs/{id}/candidates?waitMs=`): an employer's
 * screen that has just posted a job asks once and gets the first candidates as soon as the posting event is
 * applied, instead of polling a 409. Bounded: past `maxWaiting` a request does not wait (it gets the 409).
 */
export class JobArrivals {
  private readonly waiting = new Map<string, Set<() => void>>();
  private count = 0;

  constructor(private readonly maxWaiting = 10_000) {}

  /** Resolves true when `jobId` is applied within `ms`, false at the timeout or when too many already wait. */
  wait(jobId: string, ms: number): Promise<boolean> {
    if (this.count >= this.maxWaiting) return Promise.resolve(false);
    return new Promise<boolean>((resolve) => {
      const waiters = this.waiting.get(jobId) ?? new Set<() => void>();
      this.waiting.set(jobId, waiters);
      const done = (arrived: boolean) => {
        clearTimeout(timer);
        waiters.delete(wake);
        if (waiters.size === 0 && this.waiting.get(jobId) === waiters) this.waiting.delete(jobId);
        this.count -= 1;
        resolve(arrived);
      };
      const wake = () => done(true);
      const timer = setTimeout(() => done(false), ms);
      waiters.add(wake);
      this.count += 1;
    });
  }

  /** The event of `jobId` is applied: whoever waits for it is answered. */
  arrived(jobId: string): void {
    const waiters = this.waiting.get(jobId);
    if (waiters) for (const wake of [...waiters]) wake();
  }

  /** Requests waiting now. */
  get size(): number {
    return this.count;
  }
}
