/**
 * Migration 8: each source's poll schedule for `marsad watch` (interval, next poll, validators
 * of its feeds and sitemaps) and a lease, so a restarted watch continues where it was and two
 * workers never poll one source at once. Deleting a source deletes its schedule.
 */
import type { SqliteMigration } from './index.js';

export const migration008SourcePolls: SqliteMigration = {
  version: 8,
  name: 'source-polls',
  up: `CREATE TABLE source_polls (
  source_id INTEGER PRIMARY KEY REFERENCES sources(id) ON DELETE CASCADE,
  interval_ms INTEGER,
  next_poll_at INTEGER NOT NULL,
  last_poll_at INTEGER,
  last_new_at INTEGER,
  last_found INTEGER NOT NULL DEFAULT 0,
  polls INTEGER NOT NULL DEFAULT 0,
  validators TEXT NOT NULL DEFAULT '{}',
  lease_owner TEXT,
  lease_until INTEGER
);
CREATE INDEX source_polls_due ON source_polls (next_poll_at);`,
};
