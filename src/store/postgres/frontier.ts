/**
 * PostgreSQL: the frontier (URLs to fetch, with state, priority, next-fetch time, attempts,
 * hints, lease). Several workers claim from it at once: a claim locks the rows it takes with
 * `FOR UPDATE SKIP LOCKED`, so two workers never lease the same URL and never wait on each other.
 */
import type pg from 'pg';
import {
  FRONTIER_STATES,
  type ClaimOptions,
  type FrontierFilter,
  type FrontierHints,
  type FrontierInput,
  type FrontierItem,
  type FrontierKind,
  type FrontierOutcome,
  type FrontierState,
  type HostWork,
} from '../store.js';
import { statement } from './transaction.js';

interface FrontierRow {
  id: number;
  url: string;
  host: string;
  source_id: number | null;
  kind: FrontierKind;
  state: FrontierState;
  priority: number;
  depth: number;
  next_fetch_at: number;
  attempts: number;
  hints: FrontierHints;
  last_status: number | null;
  last_error: string | null;
}

const COLUMNS = 'id, url, host, source_id, kind, state, priority, depth, next_fetch_at, attempts, hints, last_status, last_error';

function toItem(row: FrontierRow): FrontierItem {
  return {
    id: row.id,
    url: row.url,
    host: row.host,
    sourceId: row.source_id,
    kind: row.kind,
    state: row.state,
    priority: row.priority,
    depth: row.depth,
    nextFetchAt: row.next_fetch_at,
    attempts: row.attempts,
    hints: row.hints,
    lastStatus: row.last_status,
    lastError: row.last_error,
  };
}

export function emptyStateCounts(): Record<FrontierState, number> {
  return Object.fromEntries(FRONTIER_STATES.map((state) => [state, 0])) as Record<FrontierState, number>;
}

export class PostgresFrontier {
  constructor(private readonly pool: pg.Pool) {}

  /**
   * One statement for the whole batch (arrays unnested in order, so the first of two equal URLs
   * wins, as on SQLite). A source removed while a crawl of it runs leaves its new entries without one. `now`: when the caller asked, the default next-fetch time.
   */
  async enqueue(entries: readonly FrontierInput[], now = Date.now()): Promise<number> {
    if (entries.length === 0) return 0;
    const column = <T>(pick: (entry: FrontierInput) => T): T[] => entries.map(pick);
    const result = await statement(this.pool, `INSERT INTO frontier (url, host, source_id, kind, state, priority, depth, next_fetch_at, hints, discovered_at, updated_at)
      SELECT u.url, u.host, (SELECT id FROM sources WHERE id = u.source_id), u.kind, u.state, u.priority, u.depth, u.next_fetch_at, u.hints::json, $10, $10
      FROM unnest($1::text[], $2::text[], $3::bigint[], $4::text[], $5::text[], $6::int[], $7::int[], $8::bigint[], $9::text[])
        WITH ORDINALITY AS u (url, host, source_id, kind, state, priority, depth, next_fetch_at, hints, n)
      ORDER BY u.n
      ON CONFLICT (md5(url)) DO NOTHING`, [
      column((e) => e.url),
      column((e) => e.host),
      column((e) => e.sourceId),
      column((e) => e.kind),
      column((e) => e.state ?? 'queued'),
      column((e) => e.priority ?? 0),
      column((e) => e.depth ?? 0),
      column((e) => e.nextFetchAt ?? now),
      column((e) => JSON.stringify(e.hints ?? {})),
      now,
    ]);
    return result.rowCount ?? 0;
  }

  /** Queued entries per host, and expired leases (a worker that died), which are due at once. */
  async hostsWithWork(now: number): Promise<HostWork[]> {
    const result = await statement<{ host: string; due: number; next_at: number | null }>(this.pool, `SELECT host,
        count(*) FILTER (WHERE state = 'queued' AND next_fetch_at <= $1 OR state = 'fetching')::int AS due,
        min(CASE WHEN state = 'queued' THEN next_fetch_at ELSE $1::bigint END) AS next_at
      FROM frontier WHERE state = 'queued' OR (state = 'fetching' AND lease_until < $1) GROUP BY host`, [now]);
    return result.rows.map((row) => ({ host: row.host, due: row.due, nextAt: row.next_at }));
  }

  async claim(options: ClaimOptions): Promise<FrontierItem[]> {
    // The rows are read before the UPDATE (the CTE), so items carry the attempts and hints they
    // had when leased; SKIP LOCKED passes over rows another worker is claiming this instant.
    const result = await statement<FrontierRow>(this.pool, `WITH due AS (
        SELECT ${COLUMNS} FROM frontier
        WHERE host = $1 AND ((state = 'queued' AND next_fetch_at <= $2) OR (state = 'fetching' AND lease_until < $2))
        ORDER BY priority DESC, id LIMIT $3 FOR UPDATE SKIP LOCKED)
      UPDATE frontier f SET state = 'fetching', lease_owner = $4, lease_until = $5, updated_at = $2
      FROM due WHERE f.id = due.id
      RETURNING ${COLUMNS.split(', ').map((c) => `due.${c}`).join(', ')}`, [options.host, options.now, options.limit, options.owner, options.now + options.leaseMs]);
    return result.rows
      .sort((a, b) => b.priority - a.priority || a.id - b.id)
      .map((row) => ({ ...toItem(row), state: 'fetching' as const }));
  }

  async complete(id: number, outcome: FrontierOutcome): Promise<void> {
    const now = Date.now();
    if (outcome.state === 'release') {
      await statement(this.pool, `UPDATE frontier SET state = 'queued', lease_owner = NULL, lease_until = NULL, updated_at = $1
        WHERE id = $2 AND state = 'fetching'`, [now, id]);
    } else if (outcome.state === 'retry') {
      await statement(this.pool, `UPDATE frontier SET state = 'queued', attempts = attempts + 1, next_fetch_at = $1,
        last_status = $2, last_error = $3, lease_owner = NULL, lease_until = NULL, updated_at = $4 WHERE id = $5`,
      [outcome.nextFetchAt, outcome.status ?? null, outcome.error ?? null, now, id]);
    } else {
      await statement(this.pool, `UPDATE frontier SET state = $1, attempts = attempts + 1, last_status = $2, last_error = $3,
        lease_owner = NULL, lease_until = NULL, updated_at = $4 WHERE id = $5`, [outcome.state, outcome.status ?? null, outcome.error ?? null, now, id]);
    }
  }

  async releaseLeases(options: { owner?: string; expiredBefore?: number } = {}): Promise<number> {
    const result = await statement(this.pool, `UPDATE frontier SET state = 'queued', lease_owner = NULL, lease_until = NULL
      WHERE state = 'fetching' AND ($1::text IS NULL OR lease_owner = $1) AND ($2::bigint IS NULL OR lease_until < $2)`,
    [options.owner ?? null, options.expiredBefore ?? null]);
    return result.rowCount ?? 0;
  }

  async get(url: string): Promise<FrontierItem | null> {
    const result = await statement<FrontierRow>(this.pool, `SELECT ${COLUMNS} FROM frontier WHERE md5(url) = md5($1) AND url = $1`, [url]);
    const row = result.rows[0];
    return row === undefined ? null : toItem(row);
  }

  async list(filter: FrontierFilter): Promise<FrontierItem[]> {
    const result = await statement<FrontierRow>(this.pool, `SELECT ${COLUMNS} FROM frontier
      WHERE ($1::bigint IS NULL OR source_id = $1) AND ($2::text[] IS NULL OR kind = ANY($2)) AND ($3::text[] IS NULL OR state = ANY($3))
        AND ($4::int IS NULL OR depth <= $4)
      ORDER BY depth, id LIMIT $5`, [filter.sourceId ?? null, filter.kinds ?? null, filter.states ?? null, filter.maxDepth ?? null, Math.max(0, Math.floor(filter.limit ?? 10_000))]);
    return result.rows.map(toItem);
  }

  async countsByHost(): Promise<Map<string, number>> {
    const result = await statement<{ host: string; n: number }>(this.pool, 'SELECT host, count(*) AS n FROM frontier GROUP BY host');
    return new Map(result.rows.map((row) => [row.host, row.n]));
  }

  async counts(): Promise<Record<FrontierState, number>> {
    const counts = emptyStateCounts();
    const result = await statement<{ state: FrontierState; n: number }>(this.pool, 'SELECT state, count(*) AS n FROM frontier GROUP BY state');
    for (const row of result.rows) counts[row.state] = row.n;
    return counts;
  }
}
