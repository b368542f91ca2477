/**
 * Migration 2: the full-text search index (owned by src/search). Stems are computed in
 * JavaScript, so SQL triggers only queue changed articles in `search_pending`; the search module
 * indexes the queue before it answers (see src/search/sqlite-index.ts). Any connection can write
 * articles: the triggers use plain SQL only.
 */
import type { SqliteMigration } from './index.js';

export const migration002Search: SqliteMigration = {
  version: 2,
  name: 'search',
  up: `
-- Filter columns of each indexed article; rowid is the FTS rowid.
CREATE TABLE search_docs (
  rowid INTEGER PRIMARY KEY,
  article_id TEXT NOT NULL UNIQUE,
  -- host labels reversed with a trailing dot (com.bbc.www.): site:bbc.com is a range scan
  site_rev TEXT NOT NULL DEFAULT '',
  language TEXT,
  -- normalized section and authors (authors one per line, with a newline at each end)
  section TEXT,
  authors TEXT NOT NULL DEFAULT '',
  -- published instant in UTC (ISO 8601), for date filters and newest-first order
  published TEXT
);
CREATE INDEX search_docs_published ON search_docs (published);
CREATE INDEX search_docs_site ON search_docs (site_rev, published);
CREATE INDEX search_docs_language ON search_docs (language, published);

-- Contentless: the original text lives in articles.record; snippets are cut from it.
CREATE VIRTUAL TABLE search_fts USING fts5(title, body, meta, alt, content='', contentless_delete=1, tokenize='ascii');

CREATE TABLE search_pending (article_id TEXT PRIMARY KEY);
CREATE TRIGGER search_articles_insert AFTER INSERT ON articles BEGIN
  INSERT OR IGNORE INTO search_pending (article_id) VALUES (new.id);
END;
CREATE TRIGGER search_articles_update AFTER UPDATE OF record ON articles BEGIN
  INSERT OR IGNORE INTO search_pending (article_id) VALUES (new.id);
END;
CREATE TRIGGER search_articles_delete AFTER DELETE ON articles BEGIN
  INSERT OR IGNORE INTO search_pending (article_id) VALUES (old.id);
END;
INSERT INTO search_pending (article_id) SELECT id FROM articles;
`,
};
