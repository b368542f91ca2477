/**
 * Migration 5: what many crawl workers share beyond the frontier.
 *
 * `host_slots`: one row per host, the politeness of that host for every worker at once. Each
 * request a worker sends takes a slot in the row's `slots` (slot id -> lease end, epoch ms on the
 * database's clock) and moves `next_fetch_at`; see ../host-slots.ts for why one row per host makes
 * the per-host limits hold by construction.
 *
 * `workers`: one row per running `marsad worker`, its heartbeat and its rate, for `stats` and the API.
 */
import type { PostgresMigration } from './index.js';

export const migration005Workers: PostgresMigration = {
  version: 5,
  name: 'workers',
  up: `
CREATE TABLE host_slots (
  host TEXT PRIMARY KEY,
  next_fetch_at BIGINT NOT NULL DEFAULT 0,
  slots JSONB NOT NULL DEFAULT '{}'::jsonb,
  requests BIGINT NOT NULL DEFAULT 0
);
CREATE TABLE workers (
  id TEXT PRIMARY KEY,
  hostname TEXT NOT NULL,
  pid INTEGER NOT NULL,
  started_at BIGINT NOT NULL,
  last_heartbeat BIGINT NOT NULL,
  heartbeat_ms INTEGER NOT NULL DEFAULT 2000,
  stopped_at BIGINT,
  pages_fetched BIGINT NOT NULL DEFAULT 0,
  pages_per_sec DOUBLE PRECISION NOT NULL DEFAULT 0,
  current_hosts TEXT[] NOT NULL DEFAULT '{}'
);`,
};
