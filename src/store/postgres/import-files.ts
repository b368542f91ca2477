/** PostgreSQL: the files `marsad import` finished (path, size and modification time), so a second run skips them. */
import type { PostgresStore } from './postgres-store.js';

export interface ImportedFile {
  path: string;
  size: number;
  mtimeMs: number;
  format: string;
}

export async function isImported(store: PostgresStore, file: ImportedFile): Promise<boolean> {
  const result = await store.pool.query('SELECT 1 FROM import_files WHERE path = $1 AND size = $2 AND mtime_ms = $3', [file.path, file.size, file.mtimeMs]);
  return (result.rowCount ?? 0) > 0;
}

export async function recordImport(store: PostgresStore, file: ImportedFile, records: number, articles: number): Promise<void> {
  await store.pool.query(`INSERT INTO import_files (path, size, mtime_ms, format, records, articles, finished_at) VALUES ($1, $2, $3, $4, $5, $6, $7)
    ON CONFLICT (path, size, mtime_ms) DO UPDATE SET format = excluded.format, records = excluded.records, articles = excluded.articles, finished_at = excluded.finished_at`,
  [file.path, file.size, file.mtimeMs, file.format, records, articles, new Date().toISOString()]);
}
