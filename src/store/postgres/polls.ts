/**
 * PostgreSQL: each source's `watch` poll schedule and its lease (table source_polls). Workers
 * claim due sources with FOR UPDATE SKIP LOCKED, as they claim frontier entries: two workers
 * never poll one source at once, and never wait on each other.
 */
import type pg from 'pg';
import type { ClaimPollsOptions, DuePoll, PollState } from '../store.js';
import { statement, transaction } from './transaction.js';

interface PollRow {
  source_id: number;
  interval_ms: number | null;
  next_poll_at: number;
  last_poll_at: number | null;
  last_new_at: number | null;
  last_found: number;
  polls: number;
  validators: string;
}

interface DueRow extends PollRow {
  name: string;
  hosts: string[];
  start_urls: string[];
  config: Record<string, unknown>;
  created_at: string;
}

const POLL_COLUMNS = 'source_id, interval_ms, next_poll_at, last_poll_at, last_new_at, last_found, polls, validators';

function toState(row: PollRow): PollState {
  return {
    sourceId: row.source_id,
    intervalMs: row.interval_ms,
    nextPollAt: row.next_poll_at,
    lastPollAt: row.last_poll_at,
    lastNewAt: row.last_new_at,
    lastFound: row.last_found,
    polls: row.polls,
    validators: JSON.parse(row.validators) as PollState['validators'],
  };
}

export async function claimPolls(pool: pg.Pool, options: ClaimPollsOptions): Promise<DuePoll[]> {
  return transaction(pool, async (client) => {
    // A source added since the last claim (CLI, API, config) is due at once.
    await client.query(`INSERT INTO source_polls (source_id, next_poll_at)
      SELECT id, $1 FROM sources s WHERE NOT EXISTS (SELECT 1 FROM source_polls p WHERE p.source_id = s.id)
      ON CONFLICT (source_id) DO NOTHING`, [options.now]);
    const result = await client.query<DueRow>(`WITH due AS (
        SELECT source_id FROM source_polls WHERE next_poll_at <= $1 AND (lease_until IS NULL OR lease_until < $1)
        ORDER BY next_poll_at, source_id LIMIT $2 FOR UPDATE SKIP LOCKED),
      leased AS (
        UPDATE source_polls p SET lease_owner = $3, lease_until = $4 FROM due WHERE p.source_id = due.source_id
        RETURNING ${POLL_COLUMNS.split(', ').map((c) => `p.${c}`).join(', ')})
      SELECT leased.*, s.name, s.hosts, s.start_urls, s.config, s.created_at
      FROM leased JOIN sources s ON s.id = leased.source_id ORDER BY leased.next_poll_at, leased.source_id`, [options.now, options.limit, options.owner, options.now + options.leaseMs]);
    return result.rows.map((row) => ({
      source: { id: row.source_id, name: row.name, hosts: row.hosts, startUrls: row.start_urls, config: row.config, createdAt: row.created_at },
      state: toState(row),
    }));
  });
}

/** Only the lease holder's result counts: a worker whose lease ran out lost the source to another. */
export async function savePoll(pool: pg.Pool, state: PollState, owner: string): Promise<void> {
  await statement(pool, `UPDATE source_polls SET interval_ms = $2, next_poll_at = $3, last_poll_at = $4, last_new_at = $5, last_found = $6,
      polls = $7, validators = $8, lease_owner = NULL, lease_until = NULL
    WHERE source_id = $1 AND (lease_owner IS NULL OR lease_owner = $9)`,
  [state.sourceId, state.intervalMs, state.nextPollAt, state.lastPollAt, state.lastNewAt, state.lastFound, state.polls, JSON.stringify(state.validators), owner]);
}

export async function releasePolls(pool: pg.Pool, owner: string): Promise<number> {
  return (await statement(pool, 'UPDATE source_polls SET lease_owner = NULL, lease_until = NULL WHERE lease_owner = $1', [owner])).rowCount ?? 0;
}

export async function pollStates(pool: pg.Pool): Promise<PollState[]> {
  return (await statement<PollRow>(pool, `SELECT ${POLL_COLUMNS} FROM source_polls ORDER BY source_id`)).rows.map(toState);
}
