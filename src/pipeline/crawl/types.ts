/** Options, progress and summary of a crawl. */
import type { TrapLimits } from '../../discover/traps.js';
import type { FetchResult } from '../../fetch/types.js';
import type { Fetcher } from '../../fetch/types.js';
import type { FrontierState, Store, WarcLocation } from '../../store/store.js';
import type { RecrawlPolicy } from './schedule.js';
import type { AnalyzePool } from './analyze-pool.js';

/** A pino-compatible logger subset; the crawler never writes to the console itself. */
export interface CrawlLogger {
  debug?(obj: object, msg?: string): void;
  info?(obj: object, msg?: string): void;
  warn?(obj: object, msg?: string): void;
  error?(obj: object, msg?: string): void;
}

/** Where every fetched response is also written (a WARC writer). */
export interface ResponseSink {
  /** Keeps the response (a WARC writer); says where, when it can, so the fetch log can point at it. */
  write(result: FetchResult): Promise<WarcLocation | void>;
  close(): Promise<void>;
}

export interface SeedInput {
  /** A site (`example.com`) or a start URL (`https://example.com/news`). */
  url: string;
  /** Extra feed URLs to read. */
  feeds?: string[];
  /** Extra sitemap URLs to read. */
  sitemaps?: string[];
  /** The stored source this seed belongs to (watch seeds its sources); default: a source named after the site, created or updated. */
  sourceId?: number;
}

export type FollowLinks = 'all' | 'listings' | 'none';

export interface CrawlOptions {
  store: Store;
  fetcher: Fetcher;
  seeds: SeedInput[];
  /** Stop once the crawled sites hold this many articles (counted in the store, so a resumed crawl keeps the total). */
  maxArticles?: number;
  /** ISO date: URLs whose sitemap/feed date is older are not fetched, and older articles are not stored. */
  since?: string;
  include?: string[];
  exclude?: string[];
  trapLimits?: TrapLimits;
  /** Default 5000. */
  maxPagesPerHost?: number;
  /** Which fetched pages' links are followed (default 'all'). */
  followLinks?: FollowLinks;
  /** Tasks in flight over all hosts (fetch + analysis), default 16. */
  concurrency?: number;
  /** Tasks in flight per host; the fetcher still spaces requests by its per-host delay (default 2). */
  perHostTasks?: number;
  /** Worker threads for extraction (default 1; 0 extracts on the main thread). */
  extractWorkers?: number;
  /** An article needs at least this many words (default 80) ... */
  minWords?: number;
  /** ... and at least this extraction confidence (default 0.4). */
  minConfidence?: number;
  /** Attempts per URL before it is marked failed (default 3); the fetcher retries within each. */
  maxAttempts?: number;
  /** First crawl-level retry delay, doubled per attempt (default 30 000). */
  retryDelayMs?: number;
  recrawlPolicy?: RecrawlPolicy;
  /** Leave robots.txt-disallowed URLs out of the frontier (default true; the fetcher enforces robots.txt itself). */
  respectRobots?: boolean;
  /** Return leases left by a crashed run to the queue at start (default true: one process per store). */
  recoverLeases?: boolean;
  warc?: ResponseSink;
  logger?: CrawlLogger;
  /** Called about four times a second, and once at the end. */
  onProgress?: (progress: CrawlProgress) => void;
  signal?: AbortSignal;
  /** How long a claimed frontier entry stays this crawl's before others may take it (default 10 minutes). */
  leaseMs?: number;
  /** Entries claimed per host at a time (default 4 × perHostTasks); workers take fewer, so a lease is young when its fetch starts. */
  claimBatch?: number;
  /**
   * Other processes crawl into the same store at once (`marsad worker`): --max-articles is the
   * store's count, read again every second and before stopping, not this process's own tally.
   */
  sharedArticleCount?: boolean;
  /** Lease owner name (default: host-pid-random). */
  workerId?: string;
  /**
   * Keep running when the frontier is empty, until the signal aborts or --max-articles is
   * reached (watch: new URLs arrive from polls). Default false: a crawl ends when it runs dry.
   */
  untilStopped?: boolean;
  /** An extraction pool shared with other work (watch's recrawl); the crawl neither starts nor closes it. */
  pool?: AnalyzePool;
}

export interface HostProgress {
  host: string;
  fetched: number;
  articles: number;
  errors: number;
  /** The last fetch error on this host, as its code and message (e.g. HOST_UNREACHABLE: connect ECONNREFUSED). */
  lastError?: { code: string; message: string };
  inFlight: number;
  waiting: number;
}

export interface CrawlCounters {
  fetched: number;
  bytes: number;
  articlesNew: number;
  articlesUpdated: number;
  articlesUnchanged: number;
  /** Pages fetched that were not articles (home, sections, tag pages). */
  listings: number;
  sitemaps: number;
  feeds: number;
  /** URLs queued by this run. */
  queued: number;
  /** URLs left out because of --since. */
  tooOld: number;
  notHtml: number;
  blocked: number;
  failed: number;
  retried: number;
  nearDuplicates: number;
}

export interface CrawlProgress extends CrawlCounters {
  elapsedMs: number;
  /** Fetches per second since the start. */
  ratePerSec: number;
  inFlight: number;
  /** Articles of the crawled sites in the store. */
  articlesTotal: number;
  hosts: HostProgress[];
}

export type StopReason = 'done' | 'max-articles' | 'signal';

export interface CrawlSummary extends CrawlProgress {
  stoppedBy: StopReason;
  frontier: Record<FrontierState, number>;
  sourceIds: number[];
}
