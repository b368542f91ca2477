/** SQLite: the frontier (URLs to fetch, with state, priority, next-fetch time, attempts, hints, lease). */
import type Database from 'better-sqlite3';
import { writeTransaction } from './write-transaction.js';
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
  hints: string;
  last_status: number | null;
  last_error: string | null;
}

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
    hints: JSON.parse(row.hints) as FrontierHints,
    lastStatus: row.last_status,
    lastError: row.last_error,
  };
}

export function emptyStateCounts(): Record<FrontierState, number> {
  return Object.fromEntries(FRONTIER_STATES.map((state) => [state, 0])) as Record<FrontierState, number>;
}

export class SqliteFrontier {
  private readonly insert: Database.Statement;
  private readonly selectDue: Database.Statement;
  private readonly lease: Database.Statement;
  private readonly finish: Database.Statement;
  private readonly retry: Database.Statement;
  private readonly giveBack: Database.Statement;
  private readonly enqueueTx: (entries: readonly FrontierInput[], now: number) => number;
  private readonly claimTx: (options: ClaimOptions) => FrontierItem[];

  constructor(private readonly db: Database.Database) {
    // A source removed while a crawl of it runs: what the crawl still queues has no source (the foreign key would refuse it).
    this.insert = db.prepare(`INSERT INTO frontier (url, host, source_id, kind, state, priority, depth, next_fetch_at,
      hints, discovered_at, updated_at) VALUES (?, ?, (SELECT id FROM sources WHERE id = ?), ?, ?, ?, ?, ?, ?, ?, ?) ON CONFLICT (url) DO NOTHING`);
    // An expired lease (a worker that died) is as good as queued.
    this.selectDue = db.prepare(`SELECT * FROM frontier WHERE host = @host AND (
        (state = 'queued' AND next_fetch_at <= @now) OR (state = 'fetching' AND lease_until < @now))
      ORDER BY priority DESC, id LIMIT @limit`);
    this.lease = db.prepare(`UPDATE frontier SET state = 'fetching', lease_owner = ?, lease_until = ?, updated_at = ? WHERE id = ?`);
    this.finish = db.prepare(`UPDATE frontier SET state = ?, attempts = attempts + 1, last_status = ?, last_error = ?,
      lease_owner = NULL, lease_until = NULL, updated_at = ? WHERE id = ?`);
    this.retry = db.prepare(`UPDATE frontier SET state = 'queued', attempts = attempts + 1, next_fetch_at = ?,
      last_status = ?, last_error = ?, lease_owner = NULL, lease_until = NULL, updated_at = ? WHERE id = ?`);
    this.giveBack = db.prepare(`UPDATE frontier SET state = 'queued', lease_owner = NULL, lease_until = NULL, updated_at = ?
      WHERE id = ? AND state = 'fetching'`);
    this.enqueueTx = writeTransaction(db, (entries: readonly FrontierInput[], now: number) => {
      let added = 0;
      for (const entry of entries) {
        const result = this.insert.run(
          entry.url,
          entry.host,
          entry.sourceId,
          entry.kind,
          entry.state ?? 'queued',
          entry.priority ?? 0,
          entry.depth ?? 0,
          entry.nextFetchAt ?? now,
          JSON.stringify(entry.hints ?? {}),
          now,
          now,
        );
        added += result.changes;
      }
      return added;
    });
    this.claimTx = writeTransaction(db, (options: ClaimOptions) => {
      const rows = this.selectDue.all({ host: options.host, now: options.now, limit: options.limit }) as FrontierRow[];
      const until = options.now + options.leaseMs;
      for (const row of rows) this.lease.run(options.owner, until, options.now, row.id);
      return rows.map((row) => ({ ...toItem(row), state: 'fetching' as const }));
    });
  }

  /** `now`: when the caller asked (the default next-fetch time), which a group commit may follow by a few ms. */
  enqueue(entries: readonly FrontierInput[], now = Date.now()): number {
    return entries.length === 0 ? 0 : this.enqueueTx(entries, now);
  }

  hostsWithWork(now: number): HostWork[] {
    const rows = this.db
      .prepare(`SELECT host, sum(CASE WHEN next_fetch_at <= ? THEN 1 ELSE 0 END) AS due, min(next_fetch_at) AS next_at
        FROM frontier WHERE state = 'queued' GROUP BY host`)
      .all(now) as { host: string; due: number; next_at: number | null }[];
    const expired = this.db
      .prepare(`SELECT host, count(*) AS n FROM frontier WHERE state = 'fetching' AND lease_until < ? GROUP BY host`)
      .all(now) as { host: string; n: number }[];
    const byHost = new Map(rows.map((row) => [row.host, { host: row.host, due: row.due, nextAt: row.next_at }]));
    for (const row of expired) {
      const work = byHost.get(row.host) ?? { host: row.host, due: 0, nextAt: now };
      work.due += row.n;
      work.nextAt = Math.min(work.nextAt ?? now, now);
      byHost.set(row.host, work);
    }
    return [...byHost.values()];
  }

  claim(options: ClaimOptions): FrontierItem[] {
    return this.claimTx(options);
  }

  complete(id: number, outcome: FrontierOutcome): void {
    const now = Date.now();
    if (outcome.state === 'release') this.giveBack.run(now, id);
    else if (outcome.state === 'retry') this.retry.run(outcome.nextFetchAt, outcome.status ?? null, outcome.error ?? null, now, id);
    else this.finish.run(outcome.state, outcome.status ?? null, outcome.error ?? null, now, id);
  }

  releaseLeases(options: { owner?: string; expiredBefore?: number } = {}): number {
    const where = ["state = 'fetching'"];
    const args: (string | number)[] = [];
    if (options.owner !== undefined) {
      where.push('lease_owner = ?');
      args.push(options.owner);
    }
    if (options.expiredBefore !== undefined) {
      where.push('lease_until < ?');
      args.push(options.expiredBefore);
    }
    const sql = `UPDATE frontier SET state = 'queued', lease_owner = NULL, lease_until = NULL WHERE ${where.join(' AND ')}`;
    return this.db.prepare(sql).run(...args).changes;
  }

  get(url: string): FrontierItem | null {
    const row = this.db.prepare('SELECT * FROM frontier WHERE url = ?').get(url) as FrontierRow | undefined;
    return row === undefined ? null : toItem(row);
  }

  list(filter: FrontierFilter): FrontierItem[] {
    const where: string[] = [];
    const args: (string | number)[] = [];
    const anyOf = (column: string, values: readonly (string | number)[]): void => {
      where.push(`${column} IN (${values.map(() => '?').join(',') || 'NULL'})`);
      args.push(...values);
    };
    if (filter.sourceId !== undefined) anyOf('source_id', [filter.sourceId]);
    if (filter.kinds !== undefined) anyOf('kind', filter.kinds);
    if (filter.states !== undefined) anyOf('state', filter.states);
    if (filter.maxDepth !== undefined) {
      where.push('depth <= ?');
      args.push(filter.maxDepth);
    }
    const sql = `SELECT * FROM frontier ${where.length > 0 ? `WHERE ${where.join(' AND ')}` : ''} ORDER BY depth, id LIMIT ?`;
    const rows = this.db.prepare(sql).all(...args, Math.max(0, Math.floor(filter.limit ?? 10_000))) as FrontierRow[];
    return rows.map(toItem);
  }

  countsByHost(): Map<string, number> {
    const rows = this.db.prepare('SELECT host, count(*) AS n FROM frontier GROUP BY host').all() as { host: string; n: number }[];
    return new Map(rows.map((row) => [row.host, row.n]));
  }

  counts(): Record<FrontierState, number> {
    const counts = emptyStateCounts();
    const rows = this.db.prepare('SELECT state, count(*) AS n FROM frontier GROUP BY state').all() as { state: FrontierState; n: number }[];
    for (const row of rows) counts[row.state] = row.n;
    return counts;
  }
}
