/**
 * Migration 4: the full-text index in parts (owned by src/search; see src/search/fts-parts.ts
 * and src/search/facets.ts). The single `search_fts` table becomes one FTS5 table per slice of
 * `part_size` articles, created as articles are indexed, each with a `facet` column holding the
 * site and section as tokens. FTS5 tables cannot gain a column, so the index is rebuilt: every
 * article is queued again and indexed the next time search is used.
 */
import type { SqliteMigration } from './index.js';

export const migration004SearchParts: SqliteMigration = {
  version: 4,
  name: 'search-parts',
  up: `
DROP TABLE search_fts;
CREATE TABLE search_parts (part INTEGER PRIMARY KEY);
CREATE TABLE search_settings (key TEXT PRIMARY KEY, value);
INSERT INTO search_settings (key, value) VALUES ('part_size', 100000);
DELETE FROM search_docs;
DELETE FROM search_pending;
INSERT INTO search_pending (article_id) SELECT id FROM articles;
`,
};
