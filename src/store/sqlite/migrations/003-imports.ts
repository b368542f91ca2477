/** Migration 3: files already imported (owned by src/import), so an interrupted `marsad import` resumes per file. */
import type { SqliteMigration } from './index.js';

export const migration003Imports: SqliteMigration = {
  version: 3,
  name: 'imports',
  up: `
CREATE TABLE import_files (
  -- absolute path, size and modification time: a changed file is imported again
  path TEXT NOT NULL,
  size INTEGER NOT NULL,
  mtime_ms INTEGER NOT NULL,
  format TEXT NOT NULL,
  records INTEGER NOT NULL,
  articles INTEGER NOT NULL,
  finished_at TEXT NOT NULL,
  PRIMARY KEY (path, size, mtime_ms)
);
`,
};
