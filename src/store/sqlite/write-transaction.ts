/**
 * Write transactions for the SQLite store. Every one begins IMMEDIATE: it takes the write
 * lock before its first read, so when another process holds the lock (a second writer, or a
 * reader bringing the search index up to date) it waits in SQLite's busy handler instead of
 * failing. A DEFERRED transaction that reads first and writes later cannot wait: SQLite must
 * refuse its lock upgrade at once ("database is locked") to avoid a deadlock. Nested calls
 * run as savepoints inside the outer transaction, as better-sqlite3 does for every variant.
 */
import type Database from 'better-sqlite3';

export function writeTransaction<A extends unknown[], R>(db: Database.Database, fn: (...args: A) => R): (...args: A) => R {
  const tx = db.transaction(fn);
  return (...args: A): R => tx.immediate(...args);
}
