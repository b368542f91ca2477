/** What every route handler can reach: the open store and the server's settings. */
import type { Store } from '../store/index.js';

export interface ServeOptions {
  /** The store the server reads (and, with a token, writes). */
  store: Store;
  /** Where the store lives (a SQLite path or a postgres:// URL), for messages. */
  db: string;
  /** Writes (sources, crawls) are allowed only when a token is set, and then need `Authorization: Bearer <token>`. */
  token?: string | null;
  /** Let API-added sources point at loopback, private, link-local or metadata addresses. */
  allowPrivate?: boolean;
  /** The built web UI (index.html and assets); null serves the API only. */
  uiDir?: string | null;
  /** Largest request body accepted, in bytes (default 1 MiB). */
  maxBodyBytes?: number;
}

export interface ServeContext extends Required<Omit<ServeOptions, 'token' | 'uiDir'>> {
  token: string | null;
  uiDir: string | null;
  /** Work to finish before the store closes (API crawls register their stop here), run by the server's close(). */
  closers: (() => Promise<void>)[];
}

export function serveContext(options: ServeOptions): ServeContext {
  return {
    store: options.store,
    db: options.db,
    token: options.token ?? null,
    allowPrivate: options.allowPrivate ?? false,
    uiDir: options.uiDir ?? null,
    maxBodyBytes: options.maxBodyBytes ?? 1024 * 1024,
    closers: [],
  };
}
