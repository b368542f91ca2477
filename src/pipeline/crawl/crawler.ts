/**
 * The crawl loop: seeds -> frontier (in the store) -> fetch -> analyze -> store.
 *
 * Scheduling: one lane per host. A lane claims a few due entries from the store (a lease,
 * so a crashed run's entries come back) and keeps at most `perHostTasks` of them in flight;
 * the fetcher spaces requests to a host and shares its global slots across hosts, so a slow
 * or delayed host never stalls the others. Everything the crawl knows lives in the store:
 * killing the process at any moment loses at most the pages in flight, which are fetched
 * again on the next run and stored once (articles are keyed by canonical URL).
 */
import { hostname } from 'node:os';
import { randomBytes } from 'node:crypto';
import type { FrontierItem, FrontierState, Store } from '../../store/store.js';
import type { Fetcher, RobotsInfo } from '../../fetch/types.js';
import { AnalyzePool } from './analyze-pool.js';
import { SeenUrls, seedCandidates, toFrontierEntries, type Candidate } from './discovery.js';
import { handleItem, type HandleContext } from './handle-item.js';
import { CrawlScope } from './scope.js';
import { Serial } from './serial.js';
import { DEFAULT_RECRAWL_POLICY } from './schedule.js';
import { UsageError } from '../../errors.js';
import type { CrawlCounters, CrawlOptions, CrawlProgress, CrawlSummary, HostProgress, SeedInput, StopReason } from './types.js';

const LEASE_MS = 10 * 60 * 1000;
const IDLE_RECHECK_MS = 2000;
/** With sharedArticleCount: how often the store's article count is read again. */
const RECOUNT_MS = 1000;

interface Lane {
  host: string;
  buffer: FrontierItem[];
  active: number;
  /** Do not ask the store for this host's work before this time (it had none due). */
  idleUntil: number;
}

function emptyCounters(): CrawlCounters {
  return { fetched: 0, bytes: 0, articlesNew: 0, articlesUpdated: 0, articlesUnchanged: 0, listings: 0, sitemaps: 0, feeds: 0, queued: 0, tooOld: 0, notHtml: 0, blocked: 0, failed: 0, retried: 0, nearDuplicates: 0 };
}

/**
 * Normalizes a seed: a bare host (`example.com`, `example.com:8080/news`) becomes an https
 * URL. Anything that is not an http(s) URL with a valid host and port is a UsageError, so
 * a typo never reaches the store as a source.
 */
export function seedUrl(raw: string): string {
  const text = raw.trim();
  const hasScheme = /^[a-z][a-z0-9+.-]*:/i.test(text) && !/^[^:/]+:\d/.test(text);
  if (hasScheme && !/^https?:\/\//i.test(text)) {
    throw new UsageError(`${raw} is not a site to crawl: only http and https URLs (or a bare host name such as example.com)`);
  }
  if (/\s/.test(text) || text.length === 0) throw new UsageError(`"${raw}" is not a site to crawl: a host name or URL has no spaces`);
  let url: URL;
  try {
    url = new URL(hasScheme ? text : `https://${text}/`);
  } catch {
    throw new UsageError(`${raw} is not a site to crawl: not a valid URL or host name (is the port between 1 and 65535?)`);
  }
  if (!/^[\p{L}\p{N}.:[\]_-]+$/u.test(url.hostname) || !url.hostname.replace(/[[\]]/g, '')) {
    throw new UsageError(`${raw} is not a site to crawl: "${url.hostname}" is not a host name`);
  }
  return url.href;
}

export async function crawl(options: CrawlOptions): Promise<CrawlSummary> {
  return new Crawler(options).run();
}

/** The crawl loop as an object, for `watch`, which adds seeds and polled URLs while it runs. */
export class Crawler {
  private readonly store: Store;
  private readonly fetcher: Fetcher;
  private readonly scope: CrawlScope;
  private readonly lanes = new Map<string, Lane>();
  private readonly hostProgress = new Map<string, HostProgress>();
  private readonly sources = new Map<string, number>();
  private readonly counters = emptyCounters();
  private readonly seen = new SeenUrls();
  private readonly discovery = new Serial();
  private readonly pool: AnalyzePool;
  private readonly owner: string;
  private readonly since: number | undefined;
  private readonly startedAt = Date.now();
  private readonly inflight = new Set<Promise<void>>();
  /** robots.txt of the seeds' origins: disallowed URLs are not even queued (the fetcher checks again). */
  private readonly robots = new Map<string, RobotsInfo>();
  private stopReason: StopReason | null = null;
  private fatal: unknown = null;
  private articlesTotal = 0;
  /** Saves started but not finished that may add a new article (for an exact --max-articles). */
  private pendingNew = 0;
  private lastRecountAt = 0;
  private recounting: Promise<void> | null = null;
  private wakeUp: (() => void) | null = null;
  /** Set by wake(): something changed since the loop last looked, so it must not sleep. */
  private dirty = false;

  constructor(private readonly options: CrawlOptions) {
    this.store = options.store;
    this.fetcher = options.fetcher;
    this.scope = new CrawlScope({
      maxPagesPerHost: options.maxPagesPerHost ?? 5000,
      ...(options.include ? { include: options.include } : {}),
      ...(options.exclude ? { exclude: options.exclude } : {}),
      ...(options.trapLimits ? { trapLimits: options.trapLimits } : {}),
    });
    this.pool = options.pool ?? new AnalyzePool({ workers: options.extractWorkers ?? 1, deadlineMs: 30_000 });
    this.owner = options.workerId ?? `${hostname()}-${process.pid}-${randomBytes(3).toString('hex')}`;
    const since = options.since === undefined ? NaN : Date.parse(options.since);
    if (options.since !== undefined && !Number.isFinite(since)) throw new RangeError(`--since: not a date: ${options.since}`);
    this.since = Number.isFinite(since) ? since : undefined;
  }

  async run(): Promise<CrawlSummary> {
    const onAbort = (): void => this.stop('signal');
    this.options.signal?.addEventListener('abort', onAbort);
    if (this.options.signal?.aborted) this.stop('signal');
    const ticker = this.options.onProgress ? setInterval(() => this.options.onProgress?.(this.progress()), 250) : null;
    try {
      if (this.options.recoverLeases !== false) await this.store.releaseLeases();
      await this.pool.ready();
      await this.seed();
      for (const [host, count] of await this.store.frontierCountsByHost()) this.scope.setHostCount(host, count);
      this.articlesTotal = await this.store.countArticles({ sourceIds: [...this.sources.values()] });
      if (this.options.maxArticles !== undefined && this.articlesTotal >= this.options.maxArticles) this.stop('max-articles');
      await this.loop();
    } finally {
      if (ticker) clearInterval(ticker);
      this.options.signal?.removeEventListener('abort', onAbort);
      await Promise.allSettled([...this.inflight]);
      await this.releaseBuffers();
      if (this.options.pool === undefined) await this.pool.close();
    }
    if (this.fatal !== null) throw this.fatal;
    const progress = this.progress();
    this.options.onProgress?.(progress);
    return { ...progress, stoppedBy: this.stopReason ?? 'done', frontier: await this.store.frontierCounts(), sourceIds: [...new Set(this.sources.values())] };
  }

  private stop(reason: StopReason): void {
    this.stopReason ??= reason;
    this.wake();
  }

  private wake(): void {
    this.dirty = true;
    const wake = this.wakeUp;
    this.wakeUp = null;
    wake?.();
  }

  private sleep(ms: number): Promise<void> {
    if (this.dirty) return Promise.resolve();
    return new Promise((resolve) => {
      const timer = setTimeout(() => {
        this.wakeUp = null;
        resolve();
      }, ms);
      this.wakeUp = () => {
        clearTimeout(timer);
        resolve();
      };
    });
  }

  private async seed(): Promise<void> {
    for (const seed of this.options.seeds) await this.addSeed(seed);
  }

  /** Puts a site in scope, ties it to its source, and queues its start page, robots.txt sitemaps and given feeds. */
  async addSeed(seed: SeedInput): Promise<void> {
    const url = seedUrl(seed.url);
    const site = this.scope.addSite(url);
    const host = new URL(url).host;
    const sourceId = seed.sourceId ?? (await this.store.upsertSource({ name: site, hosts: [...new Set([host, site, `www.${site}`, `m.${site}`])], startUrls: [url] })).id;
    this.sources.set(site, sourceId);
    let robotsSitemaps: string[] = [];
    try {
      const robots = await this.fetcher.robots(new URL(url).origin);
      this.robots.set(robots.origin, robots);
      robotsSitemaps = robots.sitemaps;
    } catch (error) {
      this.options.logger?.warn?.({ url, err: error }, 'robots.txt could not be read');
    }
    const candidates = seedCandidates(url, { robotsSitemaps, ...(seed.sitemaps ? { sitemaps: seed.sitemaps } : {}), ...(seed.feeds ? { feeds: seed.feeds } : {}) });
    await this.enqueue(candidates, { patterns: false });
  }

  /** The source of a URL's site, when the site is in scope. */
  sourceOf(url: string): number | null {
    const site = this.scope.siteOf(new URL(url).host);
    return site === undefined ? null : (this.sources.get(site) ?? null);
  }

  /** Whether the crawl has ended or is ending (a signal, --max-articles, a store failure). */
  get stopping(): boolean {
    return this.stopReason !== null;
  }

  /** Scope-checks, dedupes and queues candidates; wakes the lanes of hosts that got work. Returns how many URLs were new to the store. */
  async enqueue(candidates: readonly Candidate[], options: { patterns: boolean }): Promise<number> {
    const filtered = toFrontierEntries(candidates, {
      scope: this.scope,
      sourceIdOf: (site) => this.sources.get(site) ?? null,
      seen: this.seen,
      patterns: options.patterns,
      ...(this.since !== undefined ? { since: this.since } : {}),
    });
    const tooOld = filtered.tooOld;
    let entries = filtered.entries;
    this.counters.tooOld += tooOld;
    if (this.options.respectRobots !== false) {
      const before = entries.length;
      // Only a robots.txt that was read says no here; a host that is down or erring is tried, and reported, by the fetch.
      entries = entries.filter((entry) => {
        const robots = this.robots.get(new URL(entry.url).origin);
        return robots === undefined || robots.status < 200 || robots.status >= 300 || robots.isAllowed(entry.url);
      });
      this.counters.blocked += before - entries.length;
    }
    if (entries.length === 0) return 0;
    const added = await this.store.enqueue(entries);
    this.counters.queued += added;
    for (const entry of entries) {
      this.scope.countQueued(entry.host);
      this.lane(entry.host).idleUntil = 0;
    }
    this.wake();
    return added;
  }

  private lane(host: string): Lane {
    let lane = this.lanes.get(host);
    if (lane === undefined) this.lanes.set(host, (lane = { host, buffer: [], active: 0, idleUntil: 0 }));
    return lane;
  }

  hostStats(host: string): HostProgress {
    let entry = this.hostProgress.get(host);
    if (entry === undefined) this.hostProgress.set(host, (entry = { host, fetched: 0, articles: 0, errors: 0, inFlight: 0, waiting: 0 }));
    return entry;
  }

  private async loop(): Promise<void> {
    const concurrency = this.options.concurrency ?? 16;
    const perHost = this.options.perHostTasks ?? 2;
    while (this.stopReason === null && this.fatal === null) {
      this.dirty = false;
      if (this.options.sharedArticleCount === true && Date.now() - this.lastRecountAt >= RECOUNT_MS) await this.recount();
      if (this.stopReason !== null) break;
      await this.fill(concurrency, perHost, Date.now());
      if (this.inflight.size > 0) {
        await this.sleep(IDLE_RECHECK_MS);
        continue;
      }
      if ([...this.lanes.values()].some((lane) => lane.buffer.length > 0)) continue;
      // Nothing running, nothing claimed: ask the store whether any host has work (retries, other workers' entries).
      const work = await this.store.hostsWithWork(Date.now());
      if (work.some((w) => w.due > 0)) {
        for (const w of work) if (w.due > 0) this.lane(w.host).idleUntil = 0;
        continue;
      }
      const next = Math.min(...work.map((w) => w.nextAt ?? Infinity));
      // A watch waits for polls to bring work (enqueue wakes it); a crawl is done.
      if (!Number.isFinite(next) && this.options.untilStopped !== true) break;
      await this.sleep(Number.isFinite(next) ? Math.max(50, Math.min(next - Date.now(), 5000)) : 5000);
    }
  }

  /**
   * Hands out free global slots, each to the lane with work and the fewest tasks in flight, so
   * the slots are shared across hosts. (Filling lanes in turn let the first hosts take every
   * slot whenever one freed up: on a site with more work than the crawl would do, half the
   * hosts were never fetched beyond their home page.)
   */
  private async fill(concurrency: number, perHost: number, now: number): Promise<void> {
    const empty = new Set<Lane>();
    while (this.inflight.size < concurrency && this.stopReason === null) {
      let lane: Lane | null = null;
      for (const candidate of this.lanes.values()) {
        if (candidate.active >= perHost || empty.has(candidate) || (candidate.buffer.length === 0 && candidate.idleUntil > now)) continue;
        if (lane === null || candidate.active < lane.active) lane = candidate;
      }
      if (lane === null) return;
      if (lane.buffer.length === 0) {
        lane.buffer = await this.store.claim({ host: lane.host, limit: this.options.claimBatch ?? perHost * 4, now, owner: this.owner, leaseMs: this.options.leaseMs ?? LEASE_MS });
        if (lane.buffer.length === 0) {
          lane.idleUntil = now + IDLE_RECHECK_MS;
          empty.add(lane);
          continue;
        }
      }
      this.launch(lane, lane.buffer.shift()!);
    }
  }

  private launch(lane: Lane, item: FrontierItem): void {
    lane.active++;
    const task = handleItem(this.context(), item)
      .catch((error: unknown) => {
        // handleItem settles every page error itself; what reaches here is the store failing.
        this.fatal ??= error;
        this.stop('signal');
      })
      .finally(() => {
        lane.active--;
        this.inflight.delete(task);
        this.wake();
      });
    this.inflight.add(task);
  }

  private context(): HandleContext {
    return {
      options: this.options,
      store: this.store,
      fetcher: this.fetcher,
      pool: this.pool,
      counters: this.counters,
      scope: this.scope,
      since: this.since,
      recrawlPolicy: this.options.recrawlPolicy ?? DEFAULT_RECRAWL_POLICY,
      sourceIdOf: (site) => this.sources.get(site) ?? null,
      hostStats: (host) => this.hostStats(host),
      enqueue: (candidates, opts) => this.enqueue(candidates, opts),
      discovery: this.discovery,
      stopping: () => this.stopReason !== null,
      reserveArticle: () => this.reserveArticle(),
      settleArticle: (isNew) => this.settleArticle(isNew),
    };
  }

  /** Claims room for one more new article under --max-articles; false when the cap is reached. */
  private reserveArticle(): boolean {
    const max = this.options.maxArticles;
    if (max !== undefined && this.articlesTotal + this.pendingNew >= max) return false;
    this.pendingNew++;
    return true;
  }

  private settleArticle(isNew: boolean): void {
    this.pendingNew--;
    if (isNew) this.articlesTotal++;
    const max = this.options.maxArticles;
    if (max === undefined || this.articlesTotal < max) return;
    // Workers: this tally may count a save the last recount had already seen; the store decides.
    if (this.options.sharedArticleCount === true) void this.recount();
    else this.stop('max-articles');
  }

  /**
   * Reads the store's article count (other workers' articles included) and stops at --max-articles.
   * The cap can be passed by the saves in flight in all workers at the moment it is reached, no more.
   */
  private recount(): Promise<void> {
    this.recounting ??= (async () => {
      try {
        this.lastRecountAt = Date.now();
        this.articlesTotal = await this.store.countArticles({ sourceIds: [...this.sources.values()] });
        const max = this.options.maxArticles;
        if (max !== undefined && this.articlesTotal >= max) this.stop('max-articles');
      } catch (error) {
        this.fatal ??= error;
        this.stop('signal');
      } finally {
        this.recounting = null;
      }
    })();
    return this.recounting;
  }

  private async releaseBuffers(): Promise<void> {
    for (const lane of this.lanes.values()) {
      for (const item of lane.buffer.splice(0)) await this.store.complete(item.id, { state: 'release' });
    }
  }

  private progress(): CrawlProgress {
    const elapsedMs = Date.now() - this.startedAt;
    const status = new Map(this.fetcher.hostStatus().map((s) => [s.host, s]));
    const hosts = [...this.hostProgress.values()].map((h) => ({ ...h, inFlight: status.get(h.host)?.inFlight ?? 0, waiting: status.get(h.host)?.waiting ?? 0 }));
    return {
      ...this.counters,
      elapsedMs,
      ratePerSec: elapsedMs > 0 ? (this.counters.fetched * 1000) / elapsedMs : 0,
      inFlight: this.inflight.size,
      articlesTotal: this.articlesTotal,
      hosts: hosts.sort((a, b) => a.host.localeCompare(b.host)),
    };
  }
}

export type { FrontierState };
