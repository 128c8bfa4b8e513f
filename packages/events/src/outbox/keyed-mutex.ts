/**
 * An in-process lock per key with a FIFO queue: concurrent writers of one
 * aggregate in this process take turns here instead of all spinning on the
 * Redis lock. Waiting is bounded; a waiter that times out leaves the queue.
 */
export class KeyedMutex {
  // a key is locked while it has an entry; the array holds the waiters in order
  private readonly queues = new Map<string, Array<() => void>>();

  /** Resolves to a release function, or undefined after `timeoutMs`. */
  acquire(key: string, timeoutMs: number): Promise<(() => void) | undefined> {
    const waiters = this.queues.get(key);
    if (!waiters) {
      this.queues.set(key, []);
      return Promise.resolve(this.releaser(key));
    }
    return new Promise((resolve) => {
      const grant = () => {
        clearTimeout(timer);
        resolve(this.releaser(key));
      };
      const timer = setTimeout(() => {
        const index = waiters.indexOf(grant);
        if (index >= 0) waiters.splice(index, 1);
        resolve(undefined);
      }, timeoutMs);
      waiters.push(grant);
    });
  }

  /** Number of keys currently held (for tests and metrics). */
  get size(): number {
    return this.queues.size;
  }

  private releaser(key: string): () => void {
    let released = false;
    return () => {
      if (released) return;
      released = true;
      const waiters = this.queues.get(key);
      const next = waiters?.shift();
      if (next) next();
      else this.queues.delete(key);
    };
  }
}
