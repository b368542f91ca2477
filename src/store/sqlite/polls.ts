/** SQLite: each source's `watch` poll schedule and its lease (table source_polls, migration 8). */
import type Database from 'better-sqlite3';
import { writeTransaction } from './write-transaction.js';
import type { ClaimPollsOptions, PollState } from '../store.js';

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

export class SqlitePolls {
  private readonly claimTx: (options: ClaimPollsOptions) => PollState[];
  private readonly save: Database.Statement;
  private readonly release: Database.Statement;

  constructor(private readonly db: Database.Database) {
    // A source added since the last claim (CLI, API, config) is due at once.
    const addNew = db.prepare(`INSERT INTO source_polls (source_id, next_poll_at)
      SELECT id, @now FROM sources WHERE id NOT IN (SELECT source_id FROM source_polls)`);
    const due = db.prepare(`SELECT * FROM source_polls WHERE next_poll_at <= @now AND (lease_until IS NULL OR lease_until < @now)
      ORDER BY next_poll_at, source_id LIMIT @limit`);
    const lease = db.prepare('UPDATE source_polls SET lease_owner = ?, lease_until = ? WHERE source_id = ?');
    this.claimTx = writeTransaction(db, (options: ClaimPollsOptions) => {
      addNew.run({ now: options.now });
      const rows = due.all({ now: options.now, limit: options.limit }) as PollRow[];
      for (const row of rows) lease.run(options.owner, options.now + options.leaseMs, row.source_id);
      return rows.map(toState);
    });
    // Only the lease holder's result counts: a worker whose lease ran out lost the source to another.
    this.save = db.prepare(`UPDATE source_polls SET interval_ms = @intervalMs, next_poll_at = @nextPollAt, last_poll_at = @lastPollAt,
      last_new_at = @lastNewAt, last_found = @lastFound, polls = @polls, validators = @validators, lease_owner = NULL, lease_until = NULL
      WHERE source_id = @sourceId AND (lease_owner IS NULL OR lease_owner = @owner)`);
    this.release = db.prepare('UPDATE source_polls SET lease_owner = NULL, lease_until = NULL WHERE lease_owner = ?');
  }

  claim(options: ClaimPollsOptions): PollState[] {
    return this.claimTx(options);
  }

  saveState(state: PollState, owner: string): void {
    this.save.run({ ...state, validators: JSON.stringify(state.validators), owner });
  }

  releaseAll(owner: string): number {
    return this.release.run(owner).changes;
  }

  all(): PollState[] {
    return (this.db.prepare('SELECT * FROM source_polls ORDER BY source_id').all() as PollRow[]).map(toState);
  }
}
