/**
 * Errors of the database that say "not now" rather than "wrong": FerretDB's
 * SQLite backend refuses a write with `database is locked (5) (SQLITE_BUSY)`
 * (MongoServerError code 1) when another writer holds the file, and the driver
 * throws network / server-selection errors while FerretDB restarts. Neither is
 * the request's fault; a retry a moment later succeeds.
 */
const BUSY = /database is locked|SQLITE_BUSY|database table is locked/i;
const UNAVAILABLE_NAMES = new Set([
  'MongoNetworkError',
  'MongoNetworkTimeoutError',
  'MongoServerSelectionError',
  'MongoNotConnectedError',
  'MongoPoolClearedError',
  'MongoTopologyClosedError',
]);

interface DriverError {
  name?: string;
  code?: number | string;
  message?: string;
  cause?: unknown;
}

/** True for FerretDB's SQLITE_BUSY answer (the write may simply be tried again). */
export function isStoreBusy(error: unknown): boolean {
  const e = error as DriverError | null;
  if (!e || typeof e !== 'object') return false;
  const fromServer = e.name === 'MongoServerError' || e.name === 'MongoBulkWriteError' || e.name === 'MongoWriteConcernError';
  return (fromServer && BUSY.test(String(e.message))) || (e.cause !== undefined && isStoreBusy(e.cause));
}

/** True while the database cannot be reached (killed, restarting, connection pool cleared). */
export function isStoreUnavailable(error: unknown): boolean {
  const e = error as DriverError | null;
  if (!e || typeof e !== 'object') return false;
  return UNAVAILABLE_NAMES.has(String(e.name)) || (e.cause !== undefined && isStoreUnavailable(e.cause));
}

/** Runs `write` again after a short random pause while FerretDB answers SQLITE_BUSY (nothing was written then). */
export async function retryWhileStoreBusy<T>(write: () => Promise<T>, attempts = 5): Promise<T> {
  for (let attempt = 1; ; attempt++) {
    try {
      return await write();
    } catch (error) {
      if (attempt >= attempts || !isStoreBusy(error)) throw error;
      await new Promise((r) => setTimeout(r, 5 * 2 ** attempt * (0.5 + Math.random())));
    }
  }
}

/**
 * True for a duplicate key (code 11000): the document, or one with the same unique key, is already stored. For a
 * bulk write (insertMany), only when every document it refused was refused as a duplicate.
 */
export function isDuplicateKey(error: unknown): boolean {
  const e = error as { code?: number; writeErrors?: { code?: number }[] } | null;
  if (e?.code === 11000) return !e.writeErrors?.some((w) => w.code !== 11000);
  return Array.isArray(e?.writeErrors) && e.writeErrors.length > 0 && e.writeErrors.every((w) => w.code === 11000);
}

/** For `.catch()` of an insert that may find its document already there: a duplicate is success, anything else is thrown. */
export function ignoreDuplicate(error: unknown): void {
  if (!isDuplicateKey(error)) throw error;
}

/** For `drop()` of a collection that may not exist yet (nothing stored so far): already empty, so not an error. */
export function ignoreMissingCollection(error: unknown): void {
  if ((error as { codeName?: string } | undefined)?.codeName !== 'NamespaceNotFound') throw error;
}
