/** Recognizes the PostgreSQL store without loading it (and the pg driver) for a SQLite user. */
import type { Store } from '../store.js';
import type { PostgresStore } from './postgres-store.js';

export function isPostgresStore(store: Store): store is PostgresStore {
  return store.kind === 'postgres' && 'pool' in store;
}
