/**
 * A small cache of aggregate results (facet counts, timelines, top terms) that is never stale:
 * each entry remembers the state of the database it was computed on, and is used only while
 * that state is unchanged. A web UI asks the same aggregates again and again (every page of
 * a result list, every redraw of a chart, several people looking at the same topic), and each
 * costs tens of milliseconds over a large corpus, while a repeat costs a lookup.
 *
 * State: `PRAGMA data_version` changes when another connection commits (a crawl in another
 * process), `total_changes()` when this connection writes (a crawl in this process, or indexing
 * on catch-up). Both are cheap to read.
 */
import { AsyncLocalStorage } from 'node:async_hooks';
import type Database from 'better-sqlite3';

const MAX_ENTRIES = 64;

interface Entry {
  state: string;
  value: unknown;
}

const caches = new WeakMap<Database.Database, Map<string, Entry>>();

function stateOf(db: Database.Database): string {
  const version = db.pragma('data_version', { simple: true }) as number;
  const changes = db.prepare('SELECT total_changes()').pluck().get() as number;
  return `${version}/${changes}`;
}

/** Set while a caller wants answers computed afresh (a request with `Cache-Control: no-cache`). */
const freshAnswers = new AsyncLocalStorage<boolean>();

/**
 * Runs `work` (and everything it awaits) with kept answers bypassed: each is computed again and
 * the new one kept. The server does this for a request that says `Cache-Control: no-cache`, as
 * HTTP means it — and a benchmark measures the uncached cost that way.
 */
export function answeringFresh<T>(work: () => T): T {
  return freshAnswers.run(true, work);
}

/** The cached value for `key` computed on the database as it is now, else `compute()` (then kept). Values are shared between callers: never mutate one. */
export function cachedForIndexState<T>(db: Database.Database, key: string, compute: () => T): T {
  let cache = caches.get(db);
  if (cache === undefined) caches.set(db, (cache = new Map()));
  const state = stateOf(db);
  const hit = cache.get(key);
  if (hit !== undefined && hit.state === state && freshAnswers.getStore() !== true) {
    // most recently used last: a Map iterates in insertion order, so the first key is the eldest
    cache.delete(key);
    cache.set(key, hit);
    return hit.value as T;
  }
  const value = compute();
  cache.delete(key);
  cache.set(key, { state, value });
  if (cache.size > MAX_ENTRIES) cache.delete(cache.keys().next().value!);
  return value;
}
