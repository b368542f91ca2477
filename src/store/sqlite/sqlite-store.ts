/**
 * The embedded store: one SQLite file through better-sqlite3, WAL mode, numbered migrations.
 * better-sqlite3 is synchronous; the async methods keep the Store contract that a networked
 * PostgreSQL store shares. Writes are group-committed (group-commit.ts): those requested in one
 * event-loop turn share a transaction, each in its own savepoint, and a write's promise settles
 * after the commit, so `kill -9` loses only writes nobody was told had happened, never half of
 * one. Every read commits the queued writes first.
 */
import { accessSync, constants, copyFileSync, existsSync, mkdirSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { basename, dirname, join } from 'node:path';
import Database from 'better-sqlite3';
import { writeTransaction } from './write-transaction.js';
import { StoreError } from '../errors.js';
import type {
  ArticleVersion,
  ClaimOptions,
  ClaimPollsOptions,
  DuePoll,
  FrontierFilter,
  PollState,
  FailedFetch,
  WarcCapture,
  FetchLogEntry,
  FrontierInput,
  FrontierItem,
  FrontierOutcome,
  FrontierState,
  HostStats,
  HostWork,
  RecrawlCandidate,
  RecrawlCheck,
  SaveArticleInput,
  SaveArticleResult,
  Source,
  SourceInput,
  Store,
  StoreStats,
  StoredArticle,
  WorkerStatus,
} from '../store.js';
import { SqliteArticles } from './articles.js';
import { SqliteFrontier } from './frontier.js';
import { SqlitePolls } from './polls.js';
import { GroupCommit } from './group-commit.js';
import { sqliteMigrations, type SqliteMigration } from './migrations/index.js';

export interface SqliteStoreOptions {
  /** Path of the database file (created with its folder), or ':memory:'. */
  path: string;
  /** Migrations to apply; default: all of marsad's. */
  migrations?: readonly SqliteMigration[];
  /**
   * This process only reads (search, stats, export, diff). The file must exist; when it cannot
   * be written (permissions, read-only media) the connection is opened read-only and nothing
   * is migrated or written.
   */
  readOnly?: boolean;
}

interface SourceRow {
  id: number;
  name: string;
  hosts: string;
  start_urls: string;
  config: string;
  created_at: string;
}

function toSource(row: SourceRow): Source {
  return {
    id: row.id,
    name: row.name,
    hosts: JSON.parse(row.hosts) as string[],
    startUrls: JSON.parse(row.start_urls) as string[],
    config: JSON.parse(row.config) as Record<string, unknown>,
    createdAt: row.created_at,
  };
}

/** Applies the migrations the database has not seen yet; refuses a database newer than the code. */
export function migrateSqlite(db: Database.Database, migrations: readonly SqliteMigration[] = sqliteMigrations): number {
  const latest = migrations.at(-1)?.version ?? 0;
  const applied = schemaVersion(db);
  if (applied > latest) {
    throw new StoreError(`the database is at schema version ${applied}, newer than this marsad (${latest}); upgrade marsad`);
  }
  if (applied === latest) return 0; // the usual case: nothing to write, no lock taken
  writeTransaction(db, () => db.exec(`CREATE TABLE IF NOT EXISTS schema_migrations (version INTEGER PRIMARY KEY, name TEXT NOT NULL, applied_at TEXT NOT NULL)`))();
  let count = 0;
  for (const [index, migration] of migrations.entries()) {
    if (migration.version !== index + 1) throw new StoreError(`migration ${migration.name} is numbered ${migration.version}, expected ${index + 1}`);
    if (migration.version <= applied) continue;
    // Checked again under the write lock: another process starting at the same moment may have applied it.
    const ran = writeTransaction(db, () => {
      if (schemaVersion(db) >= migration.version) return false;
      if (typeof migration.up === 'string') db.exec(migration.up);
      else migration.up(db);
      db.prepare('INSERT INTO schema_migrations (version, name, applied_at) VALUES (?, ?, ?)').run(migration.version, migration.name, new Date().toISOString());
      return true;
    })();
    if (ran) count++;
  }
  return count;
}

/** The highest migration applied (0 for a new file). */
export function schemaVersion(db: Database.Database): number {
  const table = db.prepare("SELECT 1 FROM sqlite_master WHERE type = 'table' AND name = 'schema_migrations'").get();
  if (table === undefined) return 0;
  return (db.prepare('SELECT max(version) AS v FROM schema_migrations').get() as { v: number | null }).v ?? 0;
}

/** Whether this process may write the file and create its -wal and -shm companions. */
function canWrite(path: string): boolean {
  try {
    accessSync(path, constants.W_OK);
    accessSync(dirname(path), constants.W_OK);
    return true;
  } catch {
    return false;
  }
}

/**
 * How long a write waits for another process's write to finish. Writes are short (one group
 * commit, one search-index batch), so waiting is rare and brief; past this the store is busy
 * with something else (a stuck process) and StoreBusyError says so.
 */
export const BUSY_TIMEOUT_MS = 15_000;

/** A read-only connection for a store this process cannot write: it must already be at the current schema. */
function openReadOnly(path: string, migrations: readonly SqliteMigration[] = sqliteMigrations): Database.Database {
  const db = openReadOnlyConnection(path);
  db.pragma(`busy_timeout = ${BUSY_TIMEOUT_MS}`);
  const applied = schemaVersion(db);
  const latest = migrations.at(-1)?.version ?? 0;
  if (applied !== latest) {
    db.close();
    throw new StoreError(applied > latest
      ? `the database is at schema version ${applied}, newer than this marsad (${latest}); upgrade marsad`
      : `the store is at schema version ${applied} and this marsad needs ${latest}, but the file is read-only here: open it once with write access (any marsad command) to upgrade it`, { subject: path });
  }
  return db;
}

/**
 * A WAL database needs its -shm index to be read, and SQLite cannot create one next to a file
 * on read-only media or in a folder the user cannot write. Then the store is read from a
 * private snapshot copy in the temp folder (the file and its -wal, if any), removed at exit.
 */
function openReadOnlyConnection(path: string): Database.Database {
  try {
    const db = new Database(path, { readonly: true, fileMustExist: true });
    db.prepare('SELECT count(*) FROM sqlite_master').get(); // the -shm problem shows on the first read
    return db;
  } catch (error) {
    const code = (error as { code?: string }).code ?? '';
    if (!/^SQLITE_(READONLY|CANTOPEN)/.test(code)) throw error;
  }
  const folder = mkdtempSync(join(tmpdir(), 'marsad-readonly-'));
  const copy = join(folder, basename(path));
  copyFileSync(path, copy);
  if (existsSync(`${path}-wal`)) copyFileSync(`${path}-wal`, `${copy}-wal`);
  process.once('exit', () => rmSync(folder, { recursive: true, force: true }));
  return new Database(copy, { readonly: true, fileMustExist: true });
}

export class SqliteStore implements Store {
  readonly kind = 'sqlite';
  private readonly connection: Database.Database;
  private readonly writes: GroupCommit;
  private readonly frontier: SqliteFrontier;
  private readonly articles: SqliteArticles;
  private readonly polls: SqlitePolls;
  private readonly insertFetch: Database.Statement;

  constructor(options: SqliteStoreOptions) {
    const memory = options.path === ':memory:';
    if (options.readOnly && !memory && !existsSync(options.path)) {
      throw new StoreError(`no store at ${options.path} (crawl or import first, or name one with --db)`, { subject: options.path });
    }
    if (!memory && !options.readOnly) mkdirSync(dirname(options.path), { recursive: true });
    try {
      if (options.readOnly && !memory && !canWrite(options.path)) {
        this.connection = openReadOnly(options.path, options.migrations);
      } else {
        this.connection = new Database(options.path);
        this.connection.pragma(`busy_timeout = ${BUSY_TIMEOUT_MS}`);
        if (String(this.connection.pragma('journal_mode', { simple: true })).toLowerCase() !== 'wal') this.connection.pragma('journal_mode = WAL');
        // NORMAL in WAL mode: a power cut may lose the last commits but never corrupts; a killed process loses nothing committed.
        this.connection.pragma('synchronous = NORMAL');
        this.connection.pragma('foreign_keys = ON');
        migrateSqlite(this.connection, options.migrations);
      }
    } catch (error) {
      if (error instanceof StoreError) throw error;
      throw new StoreError(`cannot open the SQLite store "${options.path}": ${(error as Error).message}`, { cause: error, subject: options.path });
    }
    this.writes = new GroupCommit(this.connection);
    this.frontier = new SqliteFrontier(this.connection);
    this.articles = new SqliteArticles(this.connection);
    this.polls = new SqlitePolls(this.connection);
    this.insertFetch = this.connection.prepare(`INSERT INTO fetch_log (url, host, kind, status, bytes, elapsed_ms, fetched_at,
      not_modified, error_code, error, warc_file, warc_offset) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)`);
  }

  /** The underlying connection, for other SQLite-only modules (search, export); queued writes are committed first. */
  get db(): Database.Database {
    this.writes.flush();
    return this.connection;
  }

  async upsertSource(input: SourceInput): Promise<Source> {
    this.db
      .prepare(`INSERT INTO sources (name, hosts, start_urls, config, created_at) VALUES (?, ?, ?, ?, ?)
        ON CONFLICT (name) DO UPDATE SET hosts = excluded.hosts, start_urls = excluded.start_urls, config = excluded.config`)
      .run(input.name, JSON.stringify(input.hosts), JSON.stringify(input.startUrls), JSON.stringify(input.config ?? {}), new Date().toISOString());
    return toSource(this.db.prepare('SELECT * FROM sources WHERE name = ?').get(input.name) as SourceRow);
  }

  async failures(options: { host?: string; limit?: number } = {}): Promise<FailedFetch[]> {
    const limit = Math.max(1, Math.floor(options.limit ?? 1000));
    // The frontier keeps each URL's state and attempts; the fetch log its latest error code.
    const rows = this.db.prepare(`SELECT f.url, f.host, f.kind, f.state, f.attempts, f.last_status AS status, f.last_error AS error, f.updated_at AS at,
        (SELECT l.error_code FROM fetch_log l WHERE l.url = f.url ORDER BY l.id DESC LIMIT 1) AS code
      FROM frontier f
      WHERE (f.state = 'failed' OR (f.state = 'queued' AND f.attempts > 0 AND f.last_error IS NOT NULL)) AND (@host IS NULL OR f.host = @host)
      ORDER BY f.updated_at DESC, f.id DESC LIMIT @limit`).all({ host: options.host ?? null, limit }) as FailedFetch[];
    return rows;
  }

  async listSources(): Promise<Source[]> {
    return (this.db.prepare('SELECT * FROM sources ORDER BY id').all() as SourceRow[]).map(toSource);
  }

  async removeSource(id: number): Promise<boolean> {
    return this.writes.write(() => {
      // The foreign keys would refuse the delete: the articles and frontier entries are kept, without a source.
      this.connection.prepare('UPDATE articles SET source_id = NULL WHERE source_id = ?').run(id);
      this.connection.prepare('UPDATE frontier SET source_id = NULL WHERE source_id = ?').run(id);
      return this.connection.prepare('DELETE FROM sources WHERE id = ?').run(id).changes > 0;
    });
  }

  async lastFetchByHost(): Promise<Map<string, number>> {
    const rows = this.db.prepare('SELECT host, max(fetched_at) AS at FROM fetch_log GROUP BY host').all() as { host: string; at: number }[];
    return new Map(rows.map((r) => [r.host, r.at]));
  }

  async claimPolls(options: ClaimPollsOptions): Promise<DuePoll[]> {
    this.writes.flush();
    const states = this.polls.claim(options);
    const sources = new Map((await this.listSources()).map((source) => [source.id, source]));
    return states.flatMap((state) => {
      const source = sources.get(state.sourceId);
      return source === undefined ? [] : [{ source, state }];
    });
  }

  async savePoll(state: PollState, owner: string): Promise<void> {
    await this.writes.write(() => this.polls.saveState(state, owner));
  }

  async releasePolls(owner: string): Promise<number> {
    this.writes.flush();
    return this.polls.releaseAll(owner);
  }

  async pollStates(): Promise<PollState[]> {
    this.writes.flush();
    return this.polls.all();
  }

  async enqueue(entries: readonly FrontierInput[]): Promise<number> {
    const now = Date.now();
    return this.writes.write(() => this.frontier.enqueue(entries, now));
  }

  async hostsWithWork(now: number): Promise<HostWork[]> {
    this.writes.flush();
    return this.frontier.hostsWithWork(now);
  }

  async claim(options: ClaimOptions): Promise<FrontierItem[]> {
    this.writes.flush();
    return this.frontier.claim(options);
  }

  async complete(id: number, outcome: FrontierOutcome): Promise<void> {
    await this.writes.write(() => this.frontier.complete(id, outcome));
  }

  async releaseLeases(options?: { owner?: string; expiredBefore?: number }): Promise<number> {
    this.writes.flush();
    return this.frontier.releaseLeases(options);
  }

  async getFrontierEntry(url: string): Promise<FrontierItem | null> {
    this.writes.flush();
    return this.frontier.get(url);
  }

  async frontierCountsByHost(): Promise<Map<string, number>> {
    this.writes.flush();
    return this.frontier.countsByHost();
  }

  async frontierCounts(): Promise<Record<FrontierState, number>> {
    this.writes.flush();
    return this.frontier.counts();
  }

  async frontierEntries(filter: FrontierFilter): Promise<FrontierItem[]> {
    this.writes.flush();
    return this.frontier.list(filter);
  }

  async logFetch(entry: FetchLogEntry): Promise<void> {
    await this.writes.write(() => this.insertFetch.run(entry.url, entry.host, entry.kind, entry.status, entry.bytes, Math.round(entry.elapsedMs),
      entry.fetchedAt, entry.notModified ? 1 : 0, entry.errorCode ?? null, entry.error ?? null, entry.warc?.file ?? null, entry.warc?.offset ?? null));
  }

  async warcCapture(urls: readonly string[]): Promise<WarcCapture | null> {
    this.writes.flush();
    let best: WarcCapture | null = null;
    // fetch_log_url (url, id) finds each URL's newest rows without a scan
    const newest = this.db.prepare<[string], { file: string; offset: number; fetched_at: number }>(
      'SELECT warc_file AS file, warc_offset AS offset, fetched_at FROM fetch_log WHERE url = ? AND warc_file IS NOT NULL ORDER BY id DESC LIMIT 1',
    );
    for (const url of new Set(urls)) {
      const row = newest.get(url);
      if (row && (best === null || row.fetched_at > best.fetchedAt)) best = { url, file: row.file, offset: row.offset, fetchedAt: row.fetched_at };
    }
    return best;
  }

  async saveArticle(input: SaveArticleInput): Promise<SaveArticleResult> {
    return this.writes.write(() => this.articles.save(input));
  }

  async getArticle(id: string): Promise<StoredArticle | null> {
    this.writes.flush();
    return this.articles.get(id);
  }

  async getArticleByUrl(canonicalUrl: string): Promise<StoredArticle | null> {
    this.writes.flush();
    return this.articles.getByUrl(canonicalUrl);
  }

  async listVersions(id: string): Promise<ArticleVersion[]> {
    this.writes.flush();
    return this.articles.versions(id);
  }

  async nearDuplicates(id: string): Promise<string[]> {
    this.writes.flush();
    return this.articles.nearDuplicates(id);
  }

  async countArticles(filter?: { sourceIds?: number[] }): Promise<number> {
    this.writes.flush();
    return this.articles.count(filter?.sourceIds);
  }

  async dueForRecrawl(options: { now: number; limit: number; all?: boolean; sourceIds?: number[] }): Promise<RecrawlCandidate[]> {
    this.writes.flush();
    return this.articles.due(options);
  }

  async markChecked(id: string, check: RecrawlCheck): Promise<void> {
    await this.writes.write(() => this.articles.markChecked(id, check));
  }

  /** One process owns an embedded store: there are no workers to list. */
  workers(): Promise<WorkerStatus[]> {
    return Promise.resolve([]);
  }

  async stats(): Promise<StoreStats> {
    const one = (sql: string): number => (this.db.prepare(sql).get() as { n: number }).n;
    const fetches: Record<string, number> = {};
    const fetchRows = this.db.prepare(`SELECT coalesce(CAST(status AS TEXT), 'error') AS status, count(*) AS n FROM fetch_log GROUP BY 1`).all() as { status: string; n: number }[];
    for (const row of fetchRows) fetches[row.status] = row.n;
    const hosts = new Map<string, HostStats>();
    const hostOf = (host: string): HostStats => {
      let entry = hosts.get(host);
      if (entry === undefined) hosts.set(host, (entry = { host, articles: 0, frontier: {}, fetches: 0, errors: 0 }));
      return entry;
    };
    for (const row of this.db.prepare('SELECT host, state, count(*) AS n FROM frontier GROUP BY host, state').all() as { host: string; state: FrontierState; n: number }[]) {
      hostOf(row.host).frontier[row.state] = row.n;
    }
    for (const row of this.db.prepare('SELECT host, count(*) AS n FROM articles GROUP BY host').all() as { host: string; n: number }[]) {
      hostOf(row.host).articles = row.n;
    }
    const fetchByHost = this.db.prepare(`SELECT host, count(*) AS n, sum(CASE WHEN status IS NULL OR status >= 400 THEN 1 ELSE 0 END) AS errors
      FROM fetch_log GROUP BY host`).all() as { host: string; n: number; errors: number }[];
    for (const row of fetchByHost) Object.assign(hostOf(row.host), { fetches: row.n, errors: row.errors });
    // SQLite fills the bare columns from the row that holds max(fetched_at): each host's latest failure.
    const lastErrors = this.db.prepare(`SELECT host, status, error_code, error, max(fetched_at) AS at FROM fetch_log
      WHERE status IS NULL OR status >= 400 GROUP BY host`).all() as { host: string; status: number | null; error_code: string | null; error: string | null; at: number }[];
    for (const row of lastErrors) hostOf(row.host).lastError = { status: row.status, code: row.error_code, error: row.error, at: row.at };
    return {
      articles: one('SELECT count(*) AS n FROM articles'),
      versions: one('SELECT count(*) AS n FROM article_versions'),
      nearDuplicateGroups: one('SELECT count(DISTINCT dup_group) AS n FROM articles WHERE dup_group IS NOT NULL'),
      nearDuplicateArticles: one('SELECT count(*) AS n FROM articles WHERE dup_group IS NOT NULL'),
      sources: one('SELECT count(*) AS n FROM sources'),
      frontier: this.frontier.counts(),
      fetches,
      hosts: [...hosts.values()].sort((a, b) => a.host.localeCompare(b.host)),
    };
  }

  async close(): Promise<void> {
    if (this.db.open) this.db.close();
  }
}
