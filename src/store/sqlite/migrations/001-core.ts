/** Migration 1: sources, frontier, fetch log, articles, article versions, near-duplicate bands. */
import type { SqliteMigration } from './index.js';

export const migration001Core: SqliteMigration = {
  version: 1,
  name: 'core',
  up: `
CREATE TABLE sources (
  id INTEGER PRIMARY KEY,
  name TEXT NOT NULL UNIQUE,
  hosts TEXT NOT NULL,
  start_urls TEXT NOT NULL,
  config TEXT NOT NULL DEFAULT '{}',
  created_at TEXT NOT NULL
);

-- Times are epoch milliseconds (BIGINT in PostgreSQL).
CREATE TABLE frontier (
  id INTEGER PRIMARY KEY,
  url TEXT NOT NULL UNIQUE,
  host TEXT NOT NULL,
  source_id INTEGER REFERENCES sources(id),
  kind TEXT NOT NULL,
  state TEXT NOT NULL DEFAULT 'queued',
  priority INTEGER NOT NULL DEFAULT 0,
  depth INTEGER NOT NULL DEFAULT 0,
  next_fetch_at INTEGER NOT NULL,
  attempts INTEGER NOT NULL DEFAULT 0,
  hints TEXT NOT NULL DEFAULT '{}',
  lease_owner TEXT,
  lease_until INTEGER,
  last_status INTEGER,
  last_error TEXT,
  discovered_at INTEGER NOT NULL,
  updated_at INTEGER NOT NULL
);
CREATE INDEX frontier_claim ON frontier (host, state, priority DESC, id);
CREATE INDEX frontier_state ON frontier (state, next_fetch_at);

CREATE TABLE fetch_log (
  id INTEGER PRIMARY KEY,
  url TEXT NOT NULL,
  host TEXT NOT NULL,
  kind TEXT NOT NULL,
  status INTEGER,
  bytes INTEGER NOT NULL DEFAULT 0,
  elapsed_ms INTEGER NOT NULL DEFAULT 0,
  fetched_at INTEGER NOT NULL,
  not_modified INTEGER NOT NULL DEFAULT 0,
  error_code TEXT,
  error TEXT
);
CREATE INDEX fetch_log_host ON fetch_log (host, status);

CREATE TABLE articles (
  id TEXT PRIMARY KEY,
  canonical_url TEXT NOT NULL UNIQUE,
  url TEXT NOT NULL,
  source_id INTEGER REFERENCES sources(id),
  host TEXT NOT NULL,
  title TEXT,
  published TEXT,
  modified TEXT,
  language TEXT,
  word_count INTEGER NOT NULL DEFAULT 0,
  content_hash TEXT,
  -- sha-256 of title and body text: a change makes a new version
  change_hash TEXT NOT NULL,
  -- the simhash split into four 16-bit bands: two hashes within 3 bits share a band
  sh_b0 INTEGER, sh_b1 INTEGER, sh_b2 INTEGER, sh_b3 INTEGER,
  dup_group TEXT,
  version INTEGER NOT NULL,
  first_seen_at INTEGER NOT NULL,
  last_fetched_at INTEGER NOT NULL,
  last_changed_at INTEGER NOT NULL,
  next_recrawl_at INTEGER NOT NULL,
  etag TEXT,
  last_modified TEXT,
  record TEXT NOT NULL
);
CREATE INDEX articles_source ON articles (source_id);
CREATE INDEX articles_recrawl ON articles (next_recrawl_at);
CREATE INDEX articles_dup ON articles (dup_group);
CREATE INDEX articles_b0 ON articles (sh_b0);
CREATE INDEX articles_b1 ON articles (sh_b1);
CREATE INDEX articles_b2 ON articles (sh_b2);
CREATE INDEX articles_b3 ON articles (sh_b3);

CREATE TABLE article_versions (
  article_id TEXT NOT NULL REFERENCES articles(id),
  version INTEGER NOT NULL,
  fetched_at INTEGER NOT NULL,
  title TEXT,
  content_hash TEXT,
  record TEXT NOT NULL,
  PRIMARY KEY (article_id, version)
);
`,
};
