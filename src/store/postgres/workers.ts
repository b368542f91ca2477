/**
 * PostgreSQL: the `workers` table, one row per `marsad worker` process: who it is, where it runs,
 * and its last heartbeat and rate, for `marsad stats` and the API's crawl status. Heartbeat times
 * are the database's clock, so workers on machines whose clocks disagree are judged alike.
 */
import type pg from 'pg';
import type { WorkerStatus } from '../store.js';
import { statement } from './transaction.js';

const NOW_MS = '(extract(epoch FROM clock_timestamp()) * 1000)::bigint';

/** A worker that missed this many heartbeats in a row is shown as gone (it died or lost the database). */
const MISSED_BEATS_GONE = 3;

export interface WorkerRegistration {
  id: string;
  hostname: string;
  pid: number;
  /** How often it beats: its row says `gone` after three missed beats. */
  heartbeatMs: number;
}

export interface WorkerBeat {
  id: string;
  pagesFetched: number;
  pagesPerSec: number;
  hosts: string[];
}

/** Registers a starting worker; a restarted worker with the same --id takes its row over. */
export async function registerWorker(pool: pg.Pool, worker: WorkerRegistration): Promise<void> {
  await statement(pool, `INSERT INTO workers (id, hostname, pid, started_at, last_heartbeat, heartbeat_ms) VALUES ($1, $2, $3, ${NOW_MS}, ${NOW_MS}, $4)
    ON CONFLICT (id) DO UPDATE SET hostname = $2, pid = $3, started_at = ${NOW_MS}, last_heartbeat = ${NOW_MS}, heartbeat_ms = $4, stopped_at = NULL,
      pages_fetched = 0, pages_per_sec = 0, current_hosts = '{}'`, [worker.id, worker.hostname, worker.pid, worker.heartbeatMs]);
}

export async function workerHeartbeat(pool: pg.Pool, beat: WorkerBeat, stopped = false): Promise<void> {
  await statement(pool, `UPDATE workers SET last_heartbeat = ${NOW_MS}, pages_fetched = $2, pages_per_sec = $3, current_hosts = $4,
      stopped_at = CASE WHEN $5 THEN ${NOW_MS} ELSE NULL END WHERE id = $1`,
  [beat.id, beat.pagesFetched, beat.pagesPerSec, beat.hosts, stopped]);
}

interface WorkerRow {
  id: string;
  hostname: string;
  pid: number;
  started_at: number;
  last_heartbeat: number;
  stopped_at: number | null;
  pages_fetched: number;
  pages_per_sec: number;
  current_hosts: string[];
  heartbeat_age: number;
  heartbeat_ms: number;
}

const STATE_ORDER: Record<WorkerStatus['state'], number> = { running: 0, gone: 1, stopped: 2 };

/** Every worker that ever ran on this database: running ones first, then gone, then stopped; by id within each. */
export async function listWorkers(pool: pg.Pool): Promise<WorkerStatus[]> {
  const result = await statement<WorkerRow>(pool, `SELECT id, hostname, pid, started_at, last_heartbeat, stopped_at, pages_fetched, pages_per_sec, current_hosts,
      heartbeat_ms, ${NOW_MS} - last_heartbeat AS heartbeat_age
    FROM workers ORDER BY id`);
  const workers: WorkerStatus[] = result.rows.map((row) => ({
    id: row.id,
    hostname: row.hostname,
    pid: row.pid,
    startedAt: row.started_at,
    lastHeartbeat: row.last_heartbeat,
    state: row.stopped_at !== null ? 'stopped' : row.heartbeat_age > MISSED_BEATS_GONE * row.heartbeat_ms + 1000 ? 'gone' : 'running',
    pagesFetched: row.pages_fetched,
    pagesPerSec: row.pages_per_sec,
    hosts: row.current_hosts,
  }));
  return workers.sort((a, b) => STATE_ORDER[a.state] - STATE_ORDER[b.state]);
}

/**
 * Extends the leases a live worker holds (its heartbeat): a lease then ends only when its worker
 * stops beating, so a short --lease-ms brings a dead worker's URLs back soon without taking a slow
 * fetch from a live one. Frontier lease times are the workers' clocks, as the frontier's claims are.
 */
export async function renewLeases(pool: pg.Pool, owner: string, leaseUntil: number): Promise<number> {
  const result = await statement(pool, "UPDATE frontier SET lease_until = $2 WHERE lease_owner = $1 AND state = 'fetching' AND lease_until < $2", [owner, leaseUntil]);
  return result.rowCount ?? 0;
}
