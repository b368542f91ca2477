/**
 * Where `marsad import` records the files it finished, so that an interrupted import resumes per
 * file: the `import_files` table of either store. On SQLite, finishing also brings the search
 * index up to date, so that what was imported can be searched at once.
 */
import type Database from 'better-sqlite3';
import { databaseOf } from '../search/search.js';
import { indexPendingArticles } from '../search/sqlite-index.js';
import type { Store } from '../store/index.js';
import { isPostgresStore } from '../store/postgres/is-postgres-store.js';

export interface LedgerFile {
  path: string;
  size: number;
  mtimeMs: number;
  format: string;
}

export interface ImportLedger {
  isDone(file: LedgerFile): Promise<boolean>;
  markDone(file: LedgerFile, records: number, articles: number): Promise<void>;
  /** Called once every file is read. */
  finish(): Promise<void>;
}

function sqliteLedger(db: Database.Database): ImportLedger {
  return {
    async isDone(file) {
      return db.prepare('SELECT 1 FROM import_files WHERE path = ? AND size = ? AND mtime_ms = ?').get(file.path, file.size, file.mtimeMs) !== undefined;
    },
    async markDone(file, records, articles) {
      db.prepare(`INSERT OR REPLACE INTO import_files (path, size, mtime_ms, format, records, articles, finished_at)
        VALUES (?, ?, ?, ?, ?, ?, ?)`).run(file.path, file.size, file.mtimeMs, file.format, records, articles, new Date().toISOString());
    },
    async finish() {
      indexPendingArticles(db);
    },
  };
}

export async function importLedgerOf(store: Store): Promise<ImportLedger> {
  if (!isPostgresStore(store)) return sqliteLedger(databaseOf(store));
  const { isImported, recordImport } = await import('../store/postgres/import-files.js');
  return {
    isDone: (file) => isImported(store, file),
    markDone: (file, records, articles) => recordImport(store, file, records, articles),
    async finish() {},
  };
}
