/**
 * Migration 2: the full-text index (owned by src/search/postgres). marsad normalizes and stems
 * the text itself (src/search/tokenize.ts), exactly as for SQLite, and stores the stems as a
 * `tsvector` built from its own tokens, never re-parsed by a text-search configuration, so both
 * stores find the same articles. Articles are indexed as they are saved; those stored before this
 * migration are queued in `search_pending` and indexed the first time the store is searched.
 */
import type { PostgresMigration } from './index.js';

export const migration002Search: PostgresMigration = {
  version: 2,
  name: 'search',
  up: `
CREATE TABLE search_docs (
  article_id TEXT PRIMARY KEY REFERENCES articles(id) ON DELETE CASCADE,
  -- the article's storage order: recent matches first, keyset walks for exports
  seq BIGINT NOT NULL UNIQUE,
  -- host labels reversed with a trailing dot (com.bbc.www.): site:bbc.com is a range scan.
  -- Byte order ("C") for it and the dates: a locale's collation would skip the dots and dashes.
  site_rev TEXT COLLATE "C" NOT NULL DEFAULT '',
  language TEXT COLLATE "C",
  -- normalized section and authors (authors one per line, with a newline at each end)
  section TEXT,
  authors TEXT NOT NULL DEFAULT '',
  -- published instant in UTC (ISO 8601), for date filters and newest-first order
  published TEXT COLLATE "C",
  -- stems with positions; weights: A title, B authors/tags/section/site, C description and body,
  -- D alternative stems (an ambiguous one-letter proclitic), matched by single words only
  doc TSVECTOR NOT NULL
);
CREATE INDEX search_docs_doc ON search_docs USING gin (doc);
CREATE INDEX search_docs_published ON search_docs (published DESC NULLS LAST, seq DESC);
CREATE INDEX search_docs_site ON search_docs (site_rev);
CREATE INDEX search_docs_language ON search_docs (language);

CREATE TABLE search_pending (article_id TEXT PRIMARY KEY);
INSERT INTO search_pending (article_id) SELECT id FROM articles;
`,
};
