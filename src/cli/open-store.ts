/** The store a reading verb (search, export, stats, diff, show, errors) opens: it must exist, and is opened for reading. */
import { existsSync } from 'node:fs';
import { loadConfig } from '../config/index.js';
import { UsageError } from '../errors.js';
import { openStore, type Store } from '../store/index.js';

export interface StoreFlags {
  db?: string;
  config?: string;
}

/** Opens the configured store; a missing SQLite file is a usage error, not a new empty store. */
export async function openExistingStore(flags: StoreFlags): Promise<{ store: Store; config: ReturnType<typeof loadConfig> }> {
  const config = loadConfig({ ...(flags.config !== undefined ? { file: flags.config } : {}), flags: { db: flags.db } });
  if (!/^postgres/i.test(config.db) && !existsSync(config.db)) throw new UsageError(`no store at ${config.db} (crawl or import first, or name one with --db)`);
  return { store: await openStore(config.db, { readOnly: true }), config };
}
