/** Starts `createApp` over a store on a free loopback port, for API tests over real HTTP. */
import { openStore, type Store } from '../../src/store/index.js';
import { startServer, type StartedServer } from '../../src/serve/index.js';

export interface TestServer extends StartedServer {
  store: Store;
  /** fetch() relative to the server. */
  get(path: string, init?: RequestInit): Promise<Response>;
  /** Unexpected errors the server logged (tests assert there are none). */
  errors: unknown[];
}

export async function serveStore(db: string, options: { token?: string; allowPrivate?: boolean; readOnly?: boolean; uiDir?: string | null } = {}): Promise<TestServer> {
  const store = await openStore(db, { readOnly: options.readOnly ?? options.token === undefined });
  const errors: unknown[] = [];
  const server = await startServer({ store, db, port: 0, token: options.token ?? null, allowPrivate: options.allowPrivate ?? false, uiDir: options.uiDir ?? null, logError: (e) => errors.push(e) });
  return {
    ...server,
    store,
    errors,
    get: (path, init) => fetch(`${server.url}${path}`, init),
    close: async () => {
      await server.close();
      await store.close();
    },
  };
}
