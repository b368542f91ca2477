/** The store: one interface, an embedded SQLite implementation, and `openStore` to pick one from a location. */
import { StoreError } from './errors.js';
import { SqliteStore } from './sqlite/sqlite-store.js';
import type { Store } from './store.js';

export type * from './store.js';
export { FRONTIER_STATES } from './store.js';
export { StoreError, StoreBusyError } from './errors.js';
export { SqliteStore, migrateSqlite, type SqliteStoreOptions } from './sqlite/sqlite-store.js';
export { sqliteMigrations, type SqliteMigration } from './sqlite/migrations/index.js';
export { NEAR_DUP_MAX_BITS } from './sqlite/articles.js';

/**
 * Opens the store a location names: a file path (or `sqlite:PATH`) opens SQLite.
 * `postgres://…` is reserved for the PostgreSQL store.
 */
export async function openStore(location: string, options: { readOnly?: boolean } = {}): Promise<Store> {
  if (/^postgres(ql)?:\/\//i.test(location)) {
    throw new StoreError('the PostgreSQL store is not available in this version; use a SQLite file path', { subject: location });
  }
  return new SqliteStore({ path: location.replace(/^sqlite:/i, ''), readOnly: options.readOnly === true });
}
