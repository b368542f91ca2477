/**
 * `watch`: a crawl that does not end. It crawls every stored source as `crawl` does, then keeps
 * re-reading each source's feeds and sitemaps on a schedule that follows how often the source
 * publishes (poll-schedule.ts), queues the new articles for the same crawl loop (same robots.txt,
 * per-host delay, traps, --max-articles), and recrawls stored articles that are due, so that
 * revisions become versions. Sources added while it runs (CLI, API, another process) are picked
 * up at their first poll. Everything it knows is in the store: the frontier, and each source's
 * poll schedule, leased like frontier entries so that several workers can share one database.
 */
import { hostname } from 'node:os';
import { randomBytes } from 'node:crypto';
import type { DuePoll, Store } from '../../store/store.js';
import { AnalyzePool } from '../crawl/analyze-pool.js';
import { Crawler } from '../crawl/crawler.js';
import { recrawl, type RecrawlSummary } from '../crawl/recrawl.js';
import { DEFAULT_RECRAWL_POLICY } from '../crawl/schedule.js';
import type { CrawlOptions, CrawlSummary } from '../crawl/types.js';
import { nextPollInterval, publishingGap, type PollLimits } from './poll-schedule.js';
import { pollSource, type PollResult } from './poll-source.js';
import { seedsOf } from './sources.js';

export interface WatchOptions extends Omit<CrawlOptions, 'seeds' | 'untilStopped' | 'pool'>, PollLimits {
  /** Sources polled at once (default 4). */
  pollsAtOnce?: number;
  /** Stored articles revisited at once by the recrawl (default 2: it shares the hosts with the crawl). */
  recrawlConcurrency?: number;
  /** A line for each poll, recrawl pass and new source, as it happens. */
  onEvent?: (event: WatchEvent) => void;
  /**
   * After a stop, fetches still running this long are cut (the fetcher is closed) and their
   * URLs given back, so a slow host cannot hold the stop for a whole request timeout (default 3000).
   */
  stopGraceMs?: number;
}

export type WatchEvent =
  | { type: 'poll'; source: string; sourceId: number; read: number; found: number; revised: number; errors: number; intervalMs: number; nextPollAt: number }
  | { type: 'waiting'; source: string; sourceId: number; nextPollAt: number }
  | { type: 'recrawl'; checked: number; updated: number; notModified: number; failed: number }
  | { type: 'source'; source: string; sourceId: number; startUrls: string[] };

export interface WatchSummary {
  crawl: CrawlSummary;
  polls: number;
  /** New article URLs the polls found. */
  found: number;
  /** Articles the polls marked for a recrawl because their feed or sitemap said they changed. */
  revised: number;
  recrawl: Pick<RecrawlSummary, 'checked' | 'updated' | 'notModified' | 'unchanged' | 'failed'>;
  elapsedMs: number;
}

/** A poll lease outlives any one poll (a few feeds and sitemaps, each within the fetch timeout). */
const POLL_LEASE_MS = 10 * 60 * 1000;

export async function watch(options: WatchOptions): Promise<WatchSummary> {
  return new Watcher(options).run();
}

class Watcher {
  private readonly store: Store;
  private readonly owner: string;
  private readonly controller = new AbortController();
  private readonly pool: AnalyzePool;
  private readonly crawler: Crawler;
  private readonly seeded = new Set<number>();
  private readonly running = new Set<Promise<void>>();
  private readonly startedAt = Date.now();
  private recrawling: Promise<void> | null = null;
  private graceTimer: NodeJS.Timeout | null = null;
  /** A store failure in a poll or a recrawl pass: the watch stops and run() throws it. */
  private fatal: unknown = null;
  private wakeUp: (() => void) | null = null;
  private readonly totals = { polls: 0, found: 0, revised: 0 };
  private readonly recrawled = { checked: 0, updated: 0, notModified: 0, unchanged: 0, failed: 0 };

  constructor(private readonly options: WatchOptions) {
    if (!(options.minPollMs > 0) || !(options.maxPollMs >= options.minPollMs)) throw new RangeError('watch: the poll bounds need 0 < min-poll <= max-poll');
    this.store = options.store;
    this.owner = options.workerId ?? `${hostname()}-${process.pid}-${randomBytes(3).toString('hex')}`;
    this.pool = new AnalyzePool({ workers: options.extractWorkers ?? 1, deadlineMs: 30_000 });
    const { onEvent: _onEvent, minPollMs: _min, maxPollMs: _max, pollsAtOnce: _polls, recrawlConcurrency: _rc, stopGraceMs: _grace, ...crawlOptions } = options;
    // Returning every lease at start is right for the one process an embedded store has; on a
    // shared database it would take other workers' URLs, which expired leases return anyway.
    const recoverLeases = options.recoverLeases ?? options.store.kind === 'sqlite';
    this.crawler = new Crawler({ ...crawlOptions, recoverLeases, seeds: [], untilStopped: true, pool: this.pool, workerId: this.owner, signal: this.controller.signal });
  }

  async run(): Promise<WatchSummary> {
    const stop = (): void => this.stop();
    this.options.signal?.addEventListener('abort', stop);
    if (this.options.signal?.aborted) this.stop();
    let crawlSummary: CrawlSummary;
    try {
      await this.pool.ready();
      // Every source known now is seeded before the loop; later ones at their first poll.
      for (const source of await this.store.listSources()) await this.seed(source);
      const crawling = this.crawler.run().finally(() => this.stop()); // --max-articles or a store failure ends the watch
      const polling = this.pollLoop();
      [crawlSummary] = await Promise.all([crawling, polling]);
    } finally {
      this.options.signal?.removeEventListener('abort', stop);
      this.stop();
      await Promise.allSettled([...this.running, this.recrawling]);
      // What was leased and not polled is due again at once, for this or another worker.
      await this.store.releasePolls(this.owner);
      await this.pool.close();
      if (this.graceTimer !== null) clearTimeout(this.graceTimer);
    }
    if (this.fatal !== null) throw this.fatal;
    return { crawl: crawlSummary, ...this.totals, recrawl: { ...this.recrawled }, elapsedMs: Date.now() - this.startedAt };
  }

  private stop(): void {
    if (!this.controller.signal.aborted) {
      this.controller.abort();
      this.graceTimer = setTimeout(() => void this.options.fetcher.close(), this.options.stopGraceMs ?? 3000);
    }
    this.wakeUp?.();
  }

  private fail(error: unknown): void {
    this.fatal ??= error;
    this.stop();
  }

  private get stopped(): boolean {
    return this.controller.signal.aborted;
  }

  private async seed(source: DuePoll['source']): Promise<void> {
    if (this.seeded.has(source.id)) return;
    this.seeded.add(source.id);
    this.options.onEvent?.({ type: 'source', source: source.name, sourceId: source.id, startUrls: source.startUrls });
    for (const seed of seedsOf(source)) {
      try {
        await this.crawler.addSeed(seed);
      } catch (error) {
        this.options.logger?.warn?.({ source: source.name, url: seed.url }, `source ${source.name}: ${(error as Error).message}`);
      }
    }
  }

  /** How long the loop sleeps between looks at the poll schedule: short enough for min-poll, no busier than needed. */
  private get tickMs(): number {
    return Math.max(200, Math.min(5000, this.options.minPollMs / 4));
  }

  private async pollLoop(): Promise<void> {
    const atOnce = this.options.pollsAtOnce ?? 4;
    while (!this.stopped) {
      const room = atOnce - this.running.size;
      const due = room > 0 ? await this.store.claimPolls({ now: Date.now(), owner: this.owner, leaseMs: POLL_LEASE_MS, limit: room }) : [];
      for (const poll of due) {
        if (this.stopped) break;
        const task = this.poll(poll).finally(() => {
          this.running.delete(task);
          this.wakeUp?.();
        });
        this.running.add(task);
      }
      this.startRecrawl();
      await this.sleep(this.tickMs);
    }
  }

  private sleep(ms: number): Promise<void> {
    if (this.stopped) return Promise.resolve();
    return new Promise((resolve) => {
      const timer = setTimeout(done, ms);
      function done(): void {
        clearTimeout(timer);
        resolve();
      }
      this.wakeUp = done;
    });
  }

  private async poll({ source, state }: DuePoll): Promise<void> {
    try {
      await this.seed(source); // a source added while watching
      const startedAt = Date.now();
      const result = await pollSource({ store: this.store, fetcher: this.options.fetcher, crawler: this.crawler, pool: this.pool, followLinks: this.options.followLinks ?? 'all', ...(this.options.warc ? { warc: this.options.warc } : {}), ...(this.options.logger ? { logger: this.options.logger } : {}), signal: this.controller.signal }, source, state);
      if (this.stopped) return; // a cut-short poll is not a measure of the source: its lease is released instead
      if (result.read === 0 && result.errors === 0) {
        // Its crawl has not read a feed or sitemap yet (just added): look again soon, the schedule untouched.
        const nextPollAt = Date.now() + this.options.minPollMs;
        await this.store.savePoll({ ...state, nextPollAt }, this.owner);
        this.options.onEvent?.({ type: 'waiting', source: source.name, sourceId: source.id, nextPollAt });
        return;
      }
      await this.record(source, state, result, startedAt);
    } catch (error) {
      // Only the store fails here (fetch errors are counted in the poll): the watch cannot go on without it.
      this.fail(error);
    }
  }

  private async record(source: DuePoll['source'], state: DuePoll['state'], result: PollResult, startedAt: number): Promise<void> {
    const intervalMs = nextPollInterval({ previousMs: state.intervalMs, found: result.found > 0, gapMs: publishingGap(result.dates), limits: this.options });
    const nextPollAt = Date.now() + intervalMs;
    await this.store.savePoll({
      sourceId: source.id,
      intervalMs,
      nextPollAt,
      lastPollAt: startedAt,
      lastNewAt: result.found > 0 ? startedAt : state.lastNewAt,
      lastFound: result.found,
      polls: state.polls + 1,
      validators: result.validators,
    }, this.owner);
    this.totals.polls++;
    this.totals.found += result.found;
    this.totals.revised += result.revised;
    this.options.onEvent?.({ type: 'poll', source: source.name, sourceId: source.id, read: result.read, found: result.found, revised: result.revised, errors: result.errors, intervalMs, nextPollAt });
    // A revision marked due is fetched now, not at the next tick.
    if (result.revised > 0) this.startRecrawl();
  }

  /** One recrawl pass over the due articles at a time, in the background of the polls. */
  private startRecrawl(): void {
    if (this.recrawling !== null || this.stopped) return;
    this.recrawling = recrawl({
      store: this.store,
      fetcher: this.options.fetcher,
      pool: this.pool,
      concurrency: this.options.recrawlConcurrency ?? 2,
      policy: this.options.recrawlPolicy ?? DEFAULT_RECRAWL_POLICY,
      ...(this.options.minWords !== undefined ? { minWords: this.options.minWords } : {}),
      ...(this.options.minConfidence !== undefined ? { minConfidence: this.options.minConfidence } : {}),
      ...(this.options.warc ? { warc: this.options.warc } : {}),
      ...(this.options.logger ? { logger: this.options.logger } : {}),
      signal: this.controller.signal,
    })
      .then((summary) => {
        for (const key of Object.keys(this.recrawled) as (keyof typeof this.recrawled)[]) this.recrawled[key] += summary[key];
        if (summary.checked > 0) this.options.onEvent?.({ type: 'recrawl', checked: summary.checked, updated: summary.updated, notModified: summary.notModified, failed: summary.failed });
      })
      .catch((error: unknown) => this.fail(error))
      .finally(() => {
        this.recrawling = null;
      });
  }
}
