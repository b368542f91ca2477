/** The store: one interface, SQLite and PostgreSQL implementations, and `openStore` to pick one from a location. */
import { isPostgresLocation } from './postgres/location.js';
import { SqliteStore } from './sqlite/sqlite-store.js';
import type { Store } from './store.js';

export type * from './store.js';
export { FRONTIER_STATES } from './store.js';
export { StoreError, StoreBusyError, StoreLoginError, StoreUnreachableError } from './errors.js';
export { SqliteStore, migrateSqlite, type SqliteStoreOptions } from './sqlite/sqlite-store.js';
export { sqliteMigrations, type SqliteMigration } from './sqlite/migrations/index.js';
export { NEAR_DUP_MAX_BITS } from './sqlite/articles.js';
// Types only: the PostgreSQL store (and the pg driver) is loaded by openStore when a URL asks for it.
export type { PostgresStore, PostgresStoreOptions } from './postgres/postgres-store.js';
export { isPostgresLocation } from './postgres/location.js';

/**
 * Opens the store a location names: `postgres://…` or `postgresql://…` (with `?schema=NAME` to
 * use a schema other than public) opens PostgreSQL; a file path (or `sqlite:PATH`) opens SQLite.
 */
export async function openStore(location: string, options: { readOnly?: boolean } = {}): Promise<Store> {
  if (isPostgresLocation(location)) {
    // imported here so that SQLite users never load the pg driver
    const { PostgresStore } = await import('./postgres/postgres-store.js');
    return PostgresStore.open({ url: location, readOnly: options.readOnly === true });
  }
  return new SqliteStore({ path: location.replace(/^sqlite:/i, ''), readOnly: options.readOnly === true });
}
