/**
 * The shared store: PostgreSQL through node-postgres, for crawls that outgrow one machine.
 * Every method is one statement or one transaction on a pooled connection, so any number of
 * processes can use one database at once; the frontier's leases are row locks, not process state.
 * Opened with `PostgresStore.open`, which migrates the schema first (see migrate.ts).
 */
import type pg from 'pg';
import { StoreError } from '../errors.js';
import type {
  ArticleVersion,
  ClaimOptions,
  ClaimPollsOptions,
  DuePoll,
  FrontierFilter,
  PollState,
  FailedFetch,
  FetchLogEntry,
  FrontierInput,
  FrontierItem,
  FrontierOutcome,
  FrontierState,
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
  WarcCapture,
  WorkerStatus,
} from '../store.js';
import { PostgresArticles } from './articles.js';
import { lastFetchByHost, logFetch, warcCapture } from './fetch-log.js';
import { PostgresFrontier } from './frontier.js';
import { parsePostgresLocation, type PostgresLocation } from './location.js';
import { migratePostgres, schemaVersion } from './migrate.js';
import { postgresMigrations, type PostgresMigration } from './migrations/index.js';
import { createPool, postgresError } from './pool.js';
import { failures, storeStats } from './stats.js';
import { listSources, removeSource, upsertSource } from './sources.js';
import { claimPolls, pollStates, releasePolls, savePoll } from './polls.js';
import { listWorkers } from './workers.js';

export interface PostgresStoreOptions {
  /** `postgres://user:password@host:port/database`, optionally with `?schema=NAME`. */
  url: string;
  /** The schema for marsad's tables (overrides the URL's `schema`); default `public`. */
  schema?: string;
  /** Connections in the pool (default 10). */
  poolSize?: number;
  /** This process only reads: a schema that does not exist is not created (an older one is still upgraded). */
  readOnly?: boolean;
  /** Migrations to apply; default: all of marsad's. */
  migrations?: readonly PostgresMigration[];
}

export class PostgresStore implements Store {
  readonly kind = 'postgres';
  private readonly frontier: PostgresFrontier;
  private readonly articles: PostgresArticles;
  private closed = false;

  private constructor(
    /** The connection pool, for other PostgreSQL-only modules (export, import). */
    readonly pool: pg.Pool,
    readonly location: PostgresLocation,
  ) {
    this.frontier = new PostgresFrontier(pool);
    this.articles = new PostgresArticles(pool);
  }

  /** Connects, checks or migrates the schema, and returns the store; connection problems are typed errors. */
  static async open(options: PostgresStoreOptions): Promise<PostgresStore> {
    const location = parsePostgresLocation(options.url, options.schema);
    const pool = createPool(location, options.poolSize);
    const migrations = options.migrations ?? postgresMigrations;
    try {
      // A reader never creates a store where there is none; an older one it upgrades, as a SQLite
      // reader that may write its file does (the schema is shared: every process needs it current).
      if (options.readOnly && (await schemaVersion(pool)) === 0) {
        throw new StoreError(`no marsad store at ${location.label} (crawl or import first, or name another with --db)`);
      }
      await migratePostgres(pool, location.schema, migrations).catch((error: unknown) => {
        // insufficient_privilege: this login may read but not change the schema
        if ((error as { code?: unknown }).code !== '42501') throw error;
        throw new StoreError(`the store at ${location.label} needs upgrading to this marsad's schema, and this login may not change it: run marsad once as the database's owner (${(error as Error).message})`, { cause: error });
      });
    } catch (error) {
      await pool.end().catch(() => {});
      throw postgresError(error, location);
    }
    return new PostgresStore(pool, location);
  }

  /** Runs a store call, turning driver errors (server gone, login refused) into marsad errors. */
  private async run<T>(work: () => Promise<T>): Promise<T> {
    try {
      return await work();
    } catch (error) {
      throw postgresError(error, this.location);
    }
  }

  upsertSource(input: SourceInput): Promise<Source> {
    return this.run(() => upsertSource(this.pool, input));
  }

  failures(options?: { host?: string; limit?: number }): Promise<FailedFetch[]> {
    return this.run(() => failures(this.pool, options));
  }

  listSources(): Promise<Source[]> {
    return this.run(() => listSources(this.pool));
  }

  removeSource(id: number): Promise<boolean> {
    return this.run(() => removeSource(this.pool, id));
  }

  claimPolls(options: ClaimPollsOptions): Promise<DuePoll[]> {
    return this.run(() => claimPolls(this.pool, options));
  }

  savePoll(state: PollState, owner: string): Promise<void> {
    return this.run(() => savePoll(this.pool, state, owner));
  }

  releasePolls(owner: string): Promise<number> {
    return this.run(() => releasePolls(this.pool, owner));
  }

  pollStates(): Promise<PollState[]> {
    return this.run(() => pollStates(this.pool));
  }

  enqueue(entries: readonly FrontierInput[]): Promise<number> {
    return this.run(() => this.frontier.enqueue(entries));
  }

  hostsWithWork(now: number): Promise<HostWork[]> {
    return this.run(() => this.frontier.hostsWithWork(now));
  }

  claim(options: ClaimOptions): Promise<FrontierItem[]> {
    return this.run(() => this.frontier.claim(options));
  }

  complete(id: number, outcome: FrontierOutcome): Promise<void> {
    return this.run(() => this.frontier.complete(id, outcome));
  }

  releaseLeases(options?: { owner?: string; expiredBefore?: number }): Promise<number> {
    return this.run(() => this.frontier.releaseLeases(options));
  }

  getFrontierEntry(url: string): Promise<FrontierItem | null> {
    return this.run(() => this.frontier.get(url));
  }

  frontierCountsByHost(): Promise<Map<string, number>> {
    return this.run(() => this.frontier.countsByHost());
  }

  frontierCounts(): Promise<Record<FrontierState, number>> {
    return this.run(() => this.frontier.counts());
  }

  frontierEntries(filter: FrontierFilter): Promise<FrontierItem[]> {
    return this.run(() => this.frontier.list(filter));
  }

  logFetch(entry: FetchLogEntry): Promise<void> {
    return this.run(() => logFetch(this.pool, entry));
  }

  warcCapture(urls: readonly string[]): Promise<WarcCapture | null> {
    return this.run(() => warcCapture(this.pool, urls));
  }

  lastFetchByHost(): Promise<Map<string, number>> {
    return this.run(() => lastFetchByHost(this.pool));
  }

  saveArticle(input: SaveArticleInput): Promise<SaveArticleResult> {
    return this.run(() => this.articles.save(input));
  }

  getArticle(id: string): Promise<StoredArticle | null> {
    return this.run(() => this.articles.get(id));
  }

  getArticleByUrl(canonicalUrl: string): Promise<StoredArticle | null> {
    return this.run(() => this.articles.getByUrl(canonicalUrl));
  }

  listVersions(id: string): Promise<ArticleVersion[]> {
    return this.run(() => this.articles.versions(id));
  }

  nearDuplicates(id: string): Promise<string[]> {
    return this.run(() => this.articles.nearDuplicates(id));
  }

  countArticles(filter?: { sourceIds?: number[] }): Promise<number> {
    return this.run(() => this.articles.count(filter?.sourceIds));
  }

  dueForRecrawl(options: { now: number; limit: number; all?: boolean; sourceIds?: number[] }): Promise<RecrawlCandidate[]> {
    return this.run(() => this.articles.due(options));
  }

  markChecked(id: string, check: RecrawlCheck): Promise<void> {
    return this.run(() => this.articles.markChecked(id, check));
  }

  stats(): Promise<StoreStats> {
    return this.run(() => storeStats(this.pool, this.frontier));
  }

  workers(): Promise<WorkerStatus[]> {
    return this.run(() => listWorkers(this.pool));
  }

  /** Waits for queries in flight, then closes every connection; calling it twice is harmless. */
  async close(): Promise<void> {
    if (this.closed) return;
    this.closed = true;
    await this.pool.end();
  }
}
