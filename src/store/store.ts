/**
 * The Store interface: everything the crawler keeps (sources, the frontier, the fetch log,
 * articles and their versions, near-duplicate links). Every method is async and speaks in
 * plain values (epoch milliseconds, JSON-able objects) so that an embedded SQLite store and a
 * PostgreSQL store shared by many workers can both implement it. The crawler never sees SQL.
 */
import type { Article } from '../extract/types.js';

/** What a frontier entry will be fetched as. */
export type FrontierKind = 'page' | 'sitemap' | 'feed';

/**
 * Frontier states. `queued` waits for its `nextFetchAt`; `fetching` is leased to a worker;
 * `done` was fetched (article or listing); `failed` ran out of attempts or got a final error;
 * `blocked` is disallowed by robots.txt; `skipped` is out of scope or not HTML.
 */
export type FrontierState = 'queued' | 'fetching' | 'done' | 'failed' | 'blocked' | 'skipped';
export const FRONTIER_STATES: readonly FrontierState[] = ['queued', 'fetching', 'done', 'failed', 'blocked', 'skipped'];

/** What discovery learned about a URL before fetching it (sitemap, news sitemap, feed). */
export interface FrontierHints {
  lastmod?: string;
  published?: string;
  title?: string;
  language?: string;
  /** How the URL was found: 'seed', 'robots', 'sitemap', 'news-sitemap', 'feed', 'link', 'canonical'. */
  via?: string;
  /** The URL of the page, sitemap or feed that linked to it. */
  from?: string;
  /** The URL as found, fetched instead of the canonical key when they differ. */
  fetchUrl?: string;
  [key: string]: unknown;
}

export interface FrontierInput {
  /** Canonical URL (the caller canonicalizes; the store only deduplicates by exact string). */
  url: string;
  host: string;
  sourceId: number | null;
  kind: FrontierKind;
  priority?: number;
  depth?: number;
  /** Epoch ms; default: now. */
  nextFetchAt?: number;
  hints?: FrontierHints;
  /** Insert in this state (e.g. 'done' for a rel=canonical twin already stored). Default 'queued'. */
  state?: FrontierState;
}

export interface FrontierItem {
  id: number;
  url: string;
  host: string;
  sourceId: number | null;
  kind: FrontierKind;
  state: FrontierState;
  priority: number;
  depth: number;
  nextFetchAt: number;
  attempts: number;
  hints: FrontierHints;
  lastStatus: number | null;
  lastError: string | null;
}

export interface ClaimOptions {
  host: string;
  limit: number;
  /** Epoch ms: only entries due by then are claimed. */
  now: number;
  /** Who holds the lease (a worker id). */
  owner: string;
  /** How long the lease lasts; an expired lease can be claimed again by anyone. */
  leaseMs: number;
}

/** How one frontier entry ended. `retry` puts it back in the queue at `nextFetchAt`. */
export type FrontierOutcome =
  | { state: 'done' | 'failed' | 'blocked' | 'skipped'; status?: number | null; error?: string | null }
  | { state: 'retry'; nextFetchAt: number; status?: number | null; error?: string | null }
  /** Give the lease back untouched (the crawl stopped before using it): no attempt is counted. */
  | { state: 'release' };

export interface HostWork {
  host: string;
  /** Entries due now. */
  due: number;
  /** Earliest next-fetch time among queued entries (epoch ms), or null. */
  nextAt: number | null;
}

export interface SourceInput {
  /** Unique name, usually the site's host. */
  name: string;
  hosts: string[];
  startUrls: string[];
  config?: Record<string, unknown>;
}

export interface Source extends Required<SourceInput> {
  id: number;
  createdAt: string;
}

/** Which frontier entries `frontierEntries` lists (every filter optional). */
export interface FrontierFilter {
  sourceId?: number;
  kinds?: readonly FrontierKind[];
  states?: readonly FrontierState[];
  /** Entries at most this deep (0: seeds, robots.txt and configured sitemaps and feeds). */
  maxDepth?: number;
  limit?: number;
}

/**
 * How often `watch` re-reads one source's feeds and sitemaps, and what it learned last time.
 * Kept in the store, not in memory, so a restarted watch continues its schedule and several
 * workers sharing one database poll each source once (a lease, as on the frontier).
 */
export interface PollState {
  sourceId: number;
  /** The current gap between two polls (ms); null before the first poll that read anything. */
  intervalMs: number | null;
  /** Epoch ms the next poll is due. */
  nextPollAt: number;
  /** Epoch ms of the last poll, or null. */
  lastPollAt: number | null;
  /** Epoch ms of the last poll that found new article URLs, or null. */
  lastNewAt: number | null;
  /** New article URLs the last poll found. */
  lastFound: number;
  /** Polls that read anything, since the source was added. */
  polls: number;
  /** Conditional-GET validators per polled feed or sitemap URL, so an unchanged feed costs a 304. */
  validators: Record<string, { etag?: string; lastModified?: string }>;
}

/** A source whose poll is due, leased to one worker until it saves the poll or the lease runs out. */
export interface DuePoll {
  source: Source;
  state: PollState;
}

export interface ClaimPollsOptions {
  now: number;
  owner: string;
  leaseMs: number;
  limit: number;
}

export interface FetchLogEntry {
  url: string;
  host: string;
  kind: FrontierKind | 'robots' | 'recrawl';
  status: number | null;
  bytes: number;
  elapsedMs: number;
  /** Epoch ms. */
  fetchedAt: number;
  notModified?: boolean;
  errorCode?: string | null;
  error?: string | null;
  /** Where the response was written as WARC, when the crawl wrote one. */
  warc?: WarcLocation | null;
}

/** A WARC record's place: the file and the byte offset of its gzip member (readable on its own). */
export interface WarcLocation {
  file: string;
  offset: number;
}

/** The newest WARC capture of a URL: where it is and when it was fetched (epoch ms). */
export interface WarcCapture extends WarcLocation {
  url: string;
  fetchedAt: number;
}

export interface SaveArticleInput {
  article: Article;
  sourceId: number | null;
  /** Epoch ms of the fetch that produced the record. */
  fetchedAt: number;
  etag?: string | null;
  lastModified?: string | null;
  /** When the recrawler should look again (epoch ms). */
  nextRecrawlAt: number;
}

export interface SaveArticleResult {
  id: string;
  /** `new`: first record for this canonical URL; `updated`: title or body changed, new version; `unchanged`. */
  status: 'new' | 'updated' | 'unchanged';
  version: number;
  /** The near-duplicate group the article joined (the id of the group's first article), if any. */
  dupGroup: string | null;
}

export interface StoredArticle {
  id: string;
  canonicalUrl: string;
  url: string;
  sourceId: number | null;
  host: string;
  title: string | null;
  version: number;
  contentHash: string | null;
  dupGroup: string | null;
  firstSeenAt: number;
  lastFetchedAt: number;
  lastChangedAt: number;
  nextRecrawlAt: number;
  etag: string | null;
  lastModified: string | null;
  record: Article;
}

export interface ArticleVersion {
  articleId: string;
  version: number;
  fetchedAt: number;
  title: string | null;
  contentHash: string | null;
  record: Article;
}

export interface RecrawlCandidate {
  id: string;
  url: string;
  host: string;
  sourceId: number | null;
  etag: string | null;
  lastModified: string | null;
  lastChangedAt: number;
  lastFetchedAt: number;
}

export interface RecrawlCheck {
  checkedAt: number;
  nextRecrawlAt: number;
  etag?: string | null;
  lastModified?: string | null;
}

export interface StoreStats {
  articles: number;
  versions: number;
  /** Groups of two or more articles whose bodies are near-duplicates. */
  nearDuplicateGroups: number;
  /** Articles that belong to a near-duplicate group. */
  nearDuplicateArticles: number;
  sources: number;
  frontier: Record<FrontierState, number>;
  /** Fetch counts by HTTP status ('error' for transport failures). */
  fetches: Record<string, number>;
  hosts: HostStats[];
}

export interface HostStats {
  host: string;
  articles: number;
  frontier: Partial<Record<FrontierState, number>>;
  fetches: number;
  errors: number;
  /** The host's most recent failed fetch: what went wrong and when (epoch ms). */
  lastError?: { status: number | null; code: string | null; error: string | null; at: number };
}

/** A URL whose last fetch failed (frontier state failed or waiting for a retry), for `marsad errors`. */
export interface FailedFetch {
  url: string;
  host: string;
  kind: string;
  state: FrontierState;
  attempts: number;
  status: number | null;
  code: string | null;
  error: string | null;
  /** When it was last tried (epoch ms). */
  at: number;
}

/** A `marsad worker` process sharing a PostgreSQL store: what `stats` and the API show of it. */
export interface WorkerStatus {
  /** --id, or host-pid-random. */
  id: string;
  /** The machine it runs on. */
  hostname: string;
  pid: number;
  /** Epoch ms (the database's clock). */
  startedAt: number;
  lastHeartbeat: number;
  /** running; stopped (ended cleanly); gone (three heartbeats missed: killed, or cut off from the database). */
  state: 'running' | 'stopped' | 'gone';
  pagesFetched: number;
  /** Pages fetched per second over the last minute. */
  pagesPerSec: number;
  /** Hosts it was fetching from at its last heartbeat. */
  hosts: string[];
}

export interface Store {
  /** 'sqlite', 'postgres'… */
  readonly kind: string;

  upsertSource(input: SourceInput): Promise<Source>;
  /** URLs whose last fetch failed, newest first (optionally one host's). */
  failures(options?: { host?: string; limit?: number }): Promise<FailedFetch[]>;
  listSources(): Promise<Source[]>;
  /**
   * Deletes a source. Its articles and frontier entries stay (they are the corpus and its
   * history) and no longer name a source. False when there was no such source.
   */
  removeSource(id: number): Promise<boolean>;

  /**
   * Leases sources whose poll is due at `now` (a source never polled is due at once), soonest
   * first; a lease that ran out (a worker that died) is claimable again.
   */
  claimPolls(options: ClaimPollsOptions): Promise<DuePoll[]>;
  /** Saves a poll's outcome and ends `owner`'s lease on the source. */
  savePoll(state: PollState, owner: string): Promise<void>;
  /** Ends `owner`'s poll leases without a poll (the watch stopped): the sources are due again as they were. */
  releasePolls(owner: string): Promise<number>;
  /** Every source's poll state (sources never polled are absent). */
  pollStates(): Promise<PollState[]>;

  /** Adds entries whose URL is not in the frontier yet; returns how many were new. */
  enqueue(entries: readonly FrontierInput[]): Promise<number>;
  /** Hosts with queued entries, how many are due at `now`, and the earliest due time. */
  hostsWithWork(now: number): Promise<HostWork[]>;
  /** Leases up to `limit` due entries of one host, highest priority first, then oldest. */
  claim(options: ClaimOptions): Promise<FrontierItem[]>;
  /** Ends a lease. Attempts count up on every outcome except `release`. */
  complete(id: number, outcome: FrontierOutcome): Promise<void>;
  /** Returns leased entries to the queue (all, or one owner's): recovery after a crash. */
  releaseLeases(options?: { owner?: string; expiredBefore?: number }): Promise<number>;
  getFrontierEntry(url: string): Promise<FrontierItem | null>;
  /** Entries per host (any state): per-host page caps survive a restart. */
  frontierCountsByHost(): Promise<Map<string, number>>;
  frontierCounts(): Promise<Record<FrontierState, number>>;
  /** When each host was last fetched (epoch ms, from the fetch log). */
  lastFetchByHost(): Promise<Map<string, number>>;
  /** Frontier entries matching the filter, shallowest first, then oldest (what `watch` re-reads). */
  frontierEntries(filter: FrontierFilter): Promise<FrontierItem[]>;

  logFetch(entry: FetchLogEntry): Promise<void>;
  /** The newest WARC capture of any of these URLs (an article's URL and its canonical URL), or null. */
  warcCapture(urls: readonly string[]): Promise<WarcCapture | null>;

  /** Inserts or updates the article keyed by its canonical URL; a changed title or body adds a version. */
  saveArticle(input: SaveArticleInput): Promise<SaveArticleResult>;
  getArticle(id: string): Promise<StoredArticle | null>;
  getArticleByUrl(canonicalUrl: string): Promise<StoredArticle | null>;
  listVersions(id: string): Promise<ArticleVersion[]>;
  /** Article ids in the same near-duplicate group, the article itself excluded. */
  nearDuplicates(id: string): Promise<string[]>;
  countArticles(filter?: { sourceIds?: number[] }): Promise<number>;
  /** Articles whose next recrawl time has come (all of them with `all`), soonest first. */
  dueForRecrawl(options: { now: number; limit: number; all?: boolean; sourceIds?: number[] }): Promise<RecrawlCandidate[]>;
  /** Records a recrawl that found no change (304 or the same title and body). */
  markChecked(id: string, check: RecrawlCheck): Promise<void>;

  stats(): Promise<StoreStats>;
  /** The crawl workers that share this store (PostgreSQL); an embedded store has none. */
  workers(): Promise<WorkerStatus[]>;
  close(): Promise<void>;
}
