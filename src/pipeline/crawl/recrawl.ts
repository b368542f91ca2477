/**
 * Recrawl: revisit stored articles whose time has come (see schedule.ts) with a conditional
 * GET (If-None-Match / If-Modified-Since). 304 or the same title and body: rescheduled, no
 * version. A changed title or body: a new version. The fetcher spaces requests per host.
 */
import type { Fetcher, FetchResult } from '../../fetch/types.js';
import type { RecrawlCandidate, Store } from '../../store/store.js';
import { AnalyzePool } from './analyze-pool.js';
import { isArticle, isHtmlResponse, pageSource } from './handle-item.js';
import { DEFAULT_RECRAWL_POLICY, nextRecrawlAt, type RecrawlPolicy } from './schedule.js';
import type { CrawlLogger, ResponseSink } from './types.js';

export interface RecrawlOptions {
  store: Store;
  fetcher: Fetcher;
  /** Every article, not only the due ones. */
  all?: boolean;
  /** At most this many articles (default: all due). */
  limit?: number;
  sourceIds?: number[];
  concurrency?: number;
  extractWorkers?: number;
  policy?: RecrawlPolicy;
  minWords?: number;
  minConfidence?: number;
  warc?: ResponseSink;
  logger?: CrawlLogger;
  signal?: AbortSignal;
  onProgress?: (summary: RecrawlSummary) => void;
  /** An extraction pool shared with other work (watch's crawl); the recrawl neither starts nor closes it. */
  pool?: AnalyzePool;
}

export interface RecrawlSummary {
  checked: number;
  notModified: number;
  unchanged: number;
  updated: number;
  /** The page no longer looks like an article, or is gone (404/410): rescheduled, kept. */
  notArticle: number;
  failed: number;
  elapsedMs: number;
  interrupted: boolean;
}

const BATCH = 200;

export async function recrawl(options: RecrawlOptions): Promise<RecrawlSummary> {
  const started = Date.now();
  const policy = options.policy ?? DEFAULT_RECRAWL_POLICY;
  const summary: RecrawlSummary = { checked: 0, notModified: 0, unchanged: 0, updated: 0, notArticle: 0, failed: 0, elapsedMs: 0, interrupted: false };
  const pool = options.pool ?? new AnalyzePool({ workers: options.extractWorkers ?? 1, deadlineMs: 30_000 });
  const seen = new Set<string>();
  const limit = options.limit ?? Infinity;
  const now = Date.now();
  try {
    // As in a crawl: the workers load the extractor before pages stream in (see AnalyzePool.ready).
    await pool.ready();
    while (summary.checked < limit && !options.signal?.aborted) {
      const batch = (await options.store.dueForRecrawl({ now, limit: BATCH + seen.size, ...(options.all ? { all: true } : {}), ...(options.sourceIds ? { sourceIds: options.sourceIds } : {}) }))
        .filter((c) => !seen.has(c.id))
        .slice(0, Math.min(BATCH, limit - summary.checked));
      if (batch.length === 0) break;
      for (const c of batch) seen.add(c.id);
      await runPool(batch, options.concurrency ?? 16, async (candidate) => {
        if (options.signal?.aborted) return;
        await recheck(options, pool, policy, candidate, summary);
        summary.checked++;
        options.onProgress?.({ ...summary, elapsedMs: Date.now() - started });
      });
    }
  } finally {
    if (options.pool === undefined) await pool.close();
  }
  summary.interrupted = options.signal?.aborted ?? false;
  summary.elapsedMs = Date.now() - started;
  return summary;
}

async function runPool<T>(items: readonly T[], size: number, work: (item: T) => Promise<void>): Promise<void> {
  let next = 0;
  const lanes = Array.from({ length: Math.min(size, items.length) }, async () => {
    while (next < items.length) await work(items[next++]!);
  });
  await Promise.all(lanes);
}

async function recheck(options: RecrawlOptions, pool: AnalyzePool, policy: RecrawlPolicy, c: RecrawlCandidate, summary: RecrawlSummary): Promise<void> {
  const { store } = options;
  let result: FetchResult;
  try {
    result = await options.fetcher.fetch(c.url, { kind: 'page', ...(c.etag ? { etag: c.etag } : {}), ...(c.lastModified ? { lastModified: c.lastModified } : {}) });
  } catch (error) {
    // The recrawl was stopped and its fetch cut: the article is still due, as if never tried.
    if ((error as { code?: string }).code === 'FETCHER_CLOSED') return;
    summary.failed++;
    const status = (error as { status?: number }).status ?? null;
    await store.logFetch({ url: c.url, host: c.host, kind: 'recrawl', status, bytes: 0, elapsedMs: 0, fetchedAt: Date.now(), errorCode: (error as { code?: string }).code ?? 'UNKNOWN', error: (error as Error).message });
    options.logger?.warn?.({ url: c.url, status }, (error as Error).message);
    const checkedAt = Date.now();
    await store.markChecked(c.id, { checkedAt: c.lastFetchedAt, nextRecrawlAt: nextRecrawlAt({ now: checkedAt, lastChangedAt: c.lastChangedAt, policy }) });
    return;
  }
  const fetchedAt = Date.parse(result.fetchedAt);
  // WARC first, so the fetch log can say where the new capture is.
  const warc = options.warc && !result.notModified ? ((await options.warc.write(result).catch((error: unknown) => options.logger?.warn?.({ url: c.url, err: error }, 'WARC write failed'))) ?? null) : null;
  await store.logFetch({ url: c.url, host: c.host, kind: 'recrawl', status: result.status, bytes: result.bytes.length, elapsedMs: result.elapsedMs, fetchedAt, notModified: result.notModified, warc });
  const unchangedCheck = {
    checkedAt: fetchedAt,
    nextRecrawlAt: nextRecrawlAt({ now: fetchedAt, lastChangedAt: c.lastChangedAt, policy }),
    etag: result.headers.etag ?? null,
    lastModified: result.headers['last-modified'] ?? null,
  };
  if (result.notModified) {
    summary.notModified++;
    await store.markChecked(c.id, unchangedCheck);
    return;
  }
  if (!isHtmlResponse(result)) {
    summary.notArticle++;
    await store.markChecked(c.id, unchangedCheck);
    return;
  }
  const analysis = await pool.run({ page: pageSource(result), url: result.finalUrl, fetchedAt: result.fetchedAt, wantLinks: false });
  if (!isArticle(analysis.article, result.finalUrl, options)) {
    summary.notArticle++;
    await store.markChecked(c.id, unchangedCheck);
    return;
  }
  const article = { ...analysis.article, url: result.finalUrl, canonicalUrl: c.url, id: c.id };
  const saved = await store.saveArticle({
    article,
    sourceId: c.sourceId,
    fetchedAt,
    etag: unchangedCheck.etag,
    lastModified: unchangedCheck.lastModified,
    nextRecrawlAt: nextRecrawlAt({ now: fetchedAt, lastChangedAt: fetchedAt, policy }),
  });
  if (saved.status === 'updated') summary.updated++;
  else {
    summary.unchanged++;
    // Same title and body: the schedule keeps counting from the last real change.
    await store.markChecked(c.id, unchangedCheck);
  }
}
