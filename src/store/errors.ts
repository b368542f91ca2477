/** Store failures: a database that cannot be opened, a schema newer than this code, a bad record. */
import { MarsadError, type MarsadErrorOptions } from '../errors.js';

/** Another process held the store's write lock longer than the busy timeout. */
export class StoreBusyError extends MarsadError {
  constructor(message: string, options: MarsadErrorOptions = {}) {
    super('STORE_BUSY', message, options);
  }
}

/** SQLite's "database is locked" as a StoreBusyError a user can act on; anything else unchanged. */
export function storeBusy(error: unknown, subject?: string): unknown {
  const code = (error as { code?: unknown } | null)?.code;
  if (typeof code !== 'string' || !code.startsWith('SQLITE_BUSY')) return error;
  return new StoreBusyError('the store is in use: another marsad process kept it locked for writing too long (a crawl, recrawl or import); try again when it is done, or use another --db', { cause: error, subject });
}

export class StoreError extends MarsadError {
  constructor(message: string, options: MarsadErrorOptions = {}) {
    super('STORE', message, options);
  }
}

/** The PostgreSQL server did not answer (refused, unknown host, timed out): nothing marsad can fix, the user can. */
export class StoreUnreachableError extends MarsadError {
  constructor(message: string, options: MarsadErrorOptions = {}) {
    super('STORE_UNREACHABLE', message, { retryable: true, ...options });
  }
}

/** The PostgreSQL server answered but refused the login (wrong user or password, pg_hba.conf). */
export class StoreLoginError extends MarsadError {
  constructor(message: string, options: MarsadErrorOptions = {}) {
    super('STORE_LOGIN', message, options);
  }
}
