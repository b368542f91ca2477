/**
 * Crawls started through the API, run in the server's process into the server's own store (a
 * SQLite writer beside the server's readers: the crawl's writes are group-committed and every
 * read sees them, so the API keeps answering while it runs). One crawl per source at a time;
 * their progress is kept in memory for the UI to poll, and is lost when the server stops (the
 * crawl itself is not: its frontier is in the store, and the next crawl of the source resumes).
 *
 * Every connection these crawls open goes through the SSRF guard, redirects included; the
 * politeness settings (delay, timeouts, retries, robots.txt, User-Agent) are the CLI's, read
 * from the same configuration (marsad.config.json, MARSAD_* variables).
 */
import { randomBytes } from 'node:crypto';
import { loadConfig } from '../config/index.js';
import { crawlSettingsOf } from '../config/crawl-settings.js';
import { fetcherOptionsOf } from '../config/fetcher-options.js';
import { AddressGuard } from '../fetch/address-guard.js';
import { createFetcher } from '../fetch/fetcher.js';
import type { Fetcher } from '../fetch/types.js';
import { crawl, CrawlScope, type CrawlProgress } from '../pipeline/crawl/index.js';
import type { Source, Store } from '../store/index.js';
import type { ServeContext } from './context.js';
import { ApiError } from './errors.js';

export type CrawlState = 'queued' | 'running' | 'done' | 'failed' | 'stopped';

/** A crawl's progress as the API reports it. */
export interface CrawlJob {
  id: string;
  sourceId: number;
  url: string;
  state: CrawlState;
  startedAt: string;
  finishedAt: string | null;
  /** Pages fetched (articles, listings, sitemaps, feeds). */
  fetched: number;
  /** Articles stored new or as a new version. */
  stored: number;
  failed: number;
  error: string | null;
}

export const ALLOW_PRIVATE_HINT = 'start the server with --allow-private to allow it';

/** Jobs kept after they finish, for polling; the oldest finished ones are forgotten first. */
const KEEP_FINISHED = 100;

export class CrawlJobs {
  readonly guard: AddressGuard;
  private readonly jobs = new Map<string, CrawlJob>();
  private readonly running = new Map<number, { job: CrawlJob; controller: AbortController; done: Promise<void> }>();
  /** One fetcher for every API crawl, so two crawls touching one host still share its politeness delay. */
  private fetcher: Fetcher | null = null;

  constructor(private readonly store: Store, options: { allowPrivate: boolean }) {
    this.guard = new AddressGuard({ allowPrivate: options.allowPrivate, hint: ALLOW_PRIVATE_HINT });
  }

  /** The source name and hosts the crawler itself would give this start URL (so both upserts agree). */
  static sourceFor(url: string): { name: string; hosts: string[]; startUrls: string[] } {
    const name = new CrawlScope({ maxPagesPerHost: 1 }).addSite(url);
    const host = new URL(url).host.toLowerCase();
    return { name, hosts: [...new Set([host, name, `www.${name}`, `m.${name}`])], startUrls: [url] };
  }

  get(id: string): CrawlJob | undefined {
    return this.jobs.get(id);
  }

  list(): CrawlJob[] {
    return [...this.jobs.values()].sort((a, b) => b.startedAt.localeCompare(a.startedAt));
  }

  isRunning(sourceId: number): boolean {
    return this.running.has(sourceId);
  }

  /** Starts crawling a source from its first start URL; 409 when it is being crawled already. */
  start(source: Source, options: { maxArticles: number }): CrawlJob {
    if (this.running.has(source.id)) throw new ApiError(409, 'CRAWL_RUNNING', `source ${source.id} (${source.name}) is being crawled already (crawl ${this.running.get(source.id)!.job.id})`);
    const url = source.startUrls[0];
    if (url === undefined) throw new ApiError(400, 'NO_START_URL', `source ${source.id} (${source.name}) has no start URL to crawl`);
    const job: CrawlJob = { id: randomBytes(8).toString('hex'), sourceId: source.id, url, state: 'queued', startedAt: new Date().toISOString(), finishedAt: null, fetched: 0, stored: 0, failed: 0, error: null };
    this.jobs.set(job.id, job);
    this.forgetOldJobs();
    const controller = new AbortController();
    const done = this.run(job, options.maxArticles, controller.signal).finally(() => {
      this.running.delete(source.id);
      if (this.running.size === 0) void this.closeFetcher();
    });
    this.running.set(source.id, { job, controller, done });
    return job;
  }

  /** Stops every running crawl (in-flight pages finish and are stored) and waits for them. */
  async stopAll(): Promise<void> {
    const runs = [...this.running.values()];
    for (const run of runs) run.controller.abort();
    await Promise.allSettled(runs.map((run) => run.done));
    await this.closeFetcher();
  }

  private async run(job: CrawlJob, maxArticles: number, signal: AbortSignal): Promise<void> {
    const update = (p: CrawlProgress): void => {
      job.fetched = p.fetched;
      job.stored = p.articlesNew + p.articlesUpdated;
      job.failed = p.failed;
    };
    try {
      // The URL was checked when the source was added; it is checked again here (DNS may have changed) and on every connection.
      await this.guard.checkUrl(job.url);
      const config = loadConfig();
      this.fetcher ??= createFetcher({ ...fetcherOptionsOf(config), addressGuard: this.guard });
      job.state = 'running';
      const summary = await crawl({
        store: scopedToSite(this.store, job.url),
        fetcher: this.fetcher,
        seeds: [{ url: job.url }],
        ...crawlSettingsOf(config),
        maxArticles,
        // Other crawls may hold leases in this store (another API crawl, a CLI crawl): never take them back.
        recoverLeases: false,
        onProgress: update,
        signal,
      });
      update(summary);
      job.state = summary.stoppedBy === 'signal' ? 'stopped' : 'done';
      // Nothing fetched at all: say why (the host's last error), so the UI can show it.
      if (summary.fetched === 0) job.error = summary.hosts.find((h) => h.lastError)?.lastError?.message ?? 'nothing could be fetched';
      await this.indexForSearch();
    } catch (error) {
      job.state = 'failed';
      job.error = error instanceof Error ? error.message : String(error);
    } finally {
      job.finishedAt = new Date().toISOString();
    }
  }

  /** New articles become searchable now rather than at the first search (the CLI crawl does the same at its end). */
  private async indexForSearch(): Promise<void> {
    if (this.store.kind !== 'sqlite') return;
    const [{ catchUpIndex }, { databaseOf }] = await Promise.all([import('../search/sqlite-index.js'), import('../search/search.js')]);
    catchUpIndex(databaseOf(this.store));
  }

  private async closeFetcher(): Promise<void> {
    const fetcher = this.fetcher;
    this.fetcher = null;
    await fetcher?.close();
  }

  private forgetOldJobs(): void {
    const finished = this.list().filter((j) => j.finishedAt !== null);
    for (const job of finished.slice(KEEP_FINISHED)) this.jobs.delete(job.id);
  }
}

/**
 * The store as one source's crawl sees it: only that site's hosts have work. The crawler asks
 * the store for any host with due entries (the CLI resumes everything a store holds); a crawl
 * started through the API must touch neither other sources' frontiers nor hosts the operator
 * queued from the command line.
 */
export function scopedToSite(store: Store, startUrl: string): Store {
  const scope = new CrawlScope({ maxPagesPerHost: 1 });
  scope.addSite(startUrl);
  const inScope = (host: string): boolean => scope.siteOf(host) !== undefined;
  return new Proxy(store, {
    get(target, property) {
      if (property === 'hostsWithWork') return async (now: number) => (await target.hostsWithWork(now)).filter((w) => inScope(w.host));
      if (property === 'claim') return async (options: Parameters<Store['claim']>[0]) => (inScope(options.host) ? target.claim(options) : []);
      const value: unknown = Reflect.get(target, property, target);
      return typeof value === 'function' ? (value as (...args: unknown[]) => unknown).bind(target) : value;
    },
  });
}

const registry = new WeakMap<ServeContext, CrawlJobs>();

/** The crawl jobs of one server (created on first use); the server's close() stops them. */
export function crawlJobs(ctx: ServeContext): CrawlJobs {
  let jobs = registry.get(ctx);
  if (jobs === undefined) {
    const created = new CrawlJobs(ctx.store, { allowPrivate: ctx.allowPrivate });
    registry.set(ctx, created);
    // a crawl running when the server stops ends cleanly (pages in flight stored) before the store closes
    ctx.closers.push(() => created.stopAll());
    jobs = created;
  }
  return jobs;
}
