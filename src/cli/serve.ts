/** `marsad serve`: the HTTP API and the web UI over a store, on loopback by default, until Ctrl-C. */
import { existsSync, readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import type { Command } from 'commander';
import { loadConfig } from '../config/index.js';
import { UsageError } from '../errors.js';
import { openStore } from '../store/index.js';
import { startServer } from '../serve/index.js';
import { parseIntFlag } from './int-flag.js';

/** The built UI ships next to the compiled CLI: dist/ui. */
export const UI_DIR = fileURLToPath(new URL('../ui/', import.meta.url));

function packageVersion(): string {
  try {
    return (JSON.parse(readFileSync(new URL('../../package.json', import.meta.url), 'utf8')) as { version: string }).version;
  } catch {
    return '0.0.0';
  }
}

interface ServeFlags {
  db?: string;
  config?: string;
  host: string;
  port: number;
  token?: string;
  allowPrivate?: boolean;
}

export function registerServe(program: Command): void {
  program
    .command('serve')
    .description('serve the HTTP API (/api/v1, OpenAPI at /api/v1/openapi.json) and the web UI over the store')
    .option('--db <path>', 'the store (default ./marsad.db; MARSAD_DB)')
    .option('--config <file>', 'a config file (default ./marsad.config.json when present)')
    .option('--host <address>', 'address to listen on (loopback unless you mean to share it)', '127.0.0.1')
    .option('--port <n>', 'port to listen on (0: any free port)', parseIntFlag('--port', 0), 8787)
    .option('--token <secret>', 'allow writes (add/remove sources, start crawls) with Authorization: Bearer <secret> (MARSAD_TOKEN)')
    .option('--allow-private', 'let sources added through the API point at loopback, private or link-local addresses')
    .action(async (flags: ServeFlags) => {
      const config = loadConfig({ ...(flags.config !== undefined ? { file: flags.config } : {}), flags: { db: flags.db } });
      const token = flags.token ?? process.env.MARSAD_TOKEN ?? null;
      if (token !== null && token.length < 8) throw new UsageError('the token must be at least 8 characters');
      const isFile = !/^postgres/i.test(config.db);
      if (isFile && !existsSync(config.db) && token === null) throw new UsageError(`no store at ${config.db} (crawl or import first, name one with --db, or start with --token to add sources through the API)`);
      // Without a token nothing is written: the store is opened for reading, next to a running crawl.
      const store = await openStore(config.db, { readOnly: token === null });
      const uiDir = existsSync(`${UI_DIR}index.html`) ? UI_DIR : null;
      const server = await startServer({ store, db: config.db, token, allowPrivate: flags.allowPrivate === true, uiDir, host: flags.host, port: flags.port, version: packageVersion() });
      process.stdout.write(`marsad serving ${config.db} at ${server.url}/${uiDir === null ? ' (API only: the web UI is not built; run npm run build)' : ''}\n`);
      process.stdout.write(`  API ${server.url}/api/v1/  OpenAPI ${server.url}/api/v1/openapi.json  writes ${token === null ? 'off (no --token)' : 'on (bearer token)'}\n`);
      await new Promise<void>((resolve) => {
        const stop = (): void => {
          process.off('SIGINT', stop);
          process.off('SIGTERM', stop);
          resolve();
        };
        process.on('SIGINT', stop);
        process.on('SIGTERM', stop);
      });
      await server.close();
      await store.close();
    });
}
