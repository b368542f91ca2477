/**
 * Migration 3: each source's `watch` poll schedule and its lease (SQLite's migration 8): a
 * worker leases the sources it polls, so two workers never poll one source at once and a dead
 * worker's sources are due again when its lease runs out. Deleting a source deletes its schedule.
 */
import type { PostgresMigration } from './index.js';

export const migration003SourcePolls: PostgresMigration = {
  version: 3,
  name: 'source-polls',
  up: `
CREATE TABLE source_polls (
  source_id BIGINT PRIMARY KEY REFERENCES sources(id) ON DELETE CASCADE,
  interval_ms BIGINT,
  next_poll_at BIGINT NOT NULL,
  last_poll_at BIGINT,
  last_new_at BIGINT,
  last_found INTEGER NOT NULL DEFAULT 0,
  polls INTEGER NOT NULL DEFAULT 0,
  validators TEXT NOT NULL DEFAULT '{}',
  lease_owner TEXT,
  lease_until BIGINT
);
CREATE INDEX source_polls_due ON source_polls (next_poll_at);`,
};
