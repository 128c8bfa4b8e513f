/**
 * One writer per aggregate inside this process: FerretDB 1.x updates rewrite
 * the whole document, so two concurrent writes of one cohort or enrolment
 * can lose one (ARCHITECTURE §7). Work for the same key runs in order;
 * different keys run in parallel. Correctness across processes never rests
 * on this (seats and uniqueness are inserts guarded by unique indexes).
 */
export class KeyedQueue {
  private readonly tails = new Map<string, Promise<unknown>>();
  private readonly pending = new Set<string>();

  run<T>(key: string, work: () => Promise<T>): Promise<T> {
    const previous = this.tails.get(key) ?? Promise.resolve();
    const next = previous.then(work, work);
    const tail = next.catch(() => undefined);
    this.tails.set(key, tail);
    void tail.then(() => {
      if (this.tails.get(key) === tail) this.tails.delete(key);
    });
    return next;
  }

  /** Runs `work` once more after whatever is queued for `key`, merging requests that arrive meanwhile. */
  coalesce(key: string, work: () => Promise<void>): Promise<void> {
    if (this.pending.has(key)) return this.tails.get(key)?.then(() => undefined) ?? Promise.resolve();
    this.pending.add(key);
    return this.run(key, async () => {
      this.pending.delete(key);
      await work();
    });
  }

  /** Resolves when nothing is queued (graceful shutdown, tests). */
  async idle(): Promise<void> {
    while (this.tails.size > 0) await Promise.all([...this.tails.values()]);
  }
}
