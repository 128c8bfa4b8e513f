/**
 * FerretDB's SQLite backend refuses a write outright with `database is locked
 * (5) (SQLITE_BUSY)` when another connection holds the write lock (a read that
 * upgrades to a write in WAL mode fails at once; busy_timeout does not help).
 * Nothing was written then, so the same write is simply tried again.
 */
const BUSY = /database is locked|SQLITE_BUSY/i;

export function isSqliteBusy(error: unknown): boolean {
  const e = error as { name?: string; message?: string; cause?: unknown } | null;
  if (!e || typeof e !== 'object') return false;
  return (String(e.name).startsWith('Mongo') && BUSY.test(String(e.message))) || (e.cause !== undefined && isSqliteBusy(e.cause));
}

/** Runs `write`, again after a short random pause while it fails with SQLITE_BUSY (at most `attempts` times). */
export async function retryWhileBusy<T>(write: () => Promise<T>, attempts = 6): Promise<T> {
  for (let attempt = 1; ; attempt++) {
    try {
      return await write();
    } catch (error) {
      if (attempt >= attempts || !isSqliteBusy(error)) throw error;
      await new Promise((r) => setTimeout(r, 5 * 2 ** attempt * (0.5 + Math.random())));
    }
  }
}
