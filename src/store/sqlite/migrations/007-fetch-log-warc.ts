/**
 * Migration 7: where each fetch's WARC record was written (file and byte offset of its gzip
 * member), so an article can point at its capture: the API and the reader link an article to
 * the exact bytes the crawl saw. Null when the crawl wrote no WARC.
 */
import type { SqliteMigration } from './index.js';

export const migration007FetchLogWarc: SqliteMigration = {
  version: 7,
  name: 'fetch-log-warc',
  up: `ALTER TABLE fetch_log ADD COLUMN warc_file TEXT;
ALTER TABLE fetch_log ADD COLUMN warc_offset INTEGER;`,
};
