/**
 * One frontier entry, start to end: fetch it, write the response to WARC, read a sitemap or
 * feed into new entries, or analyze a page (store it when it is an article, follow its links),
 * then settle the entry. Every fetch or page error is settled here (retry, failed, blocked);
 * only store errors propagate, because without the store the crawl cannot go on.
 */
import { canonicalizeUrl } from '../../discover/canonical-url.js';
import { classifyUrl } from '../../discover/classify-url.js';
import { MarsadError } from '../../errors.js';
import { articleId } from '../../extract/content-hash.js';
import type { Article } from '../../extract/types.js';
import type { Fetcher, FetchResult } from '../../fetch/types.js';
import type { FrontierItem, FrontierOutcome, Store, WarcLocation } from '../../store/store.js';
import type { PageSource } from './analyze-page.js';
import type { AnalyzePool } from './analyze-pool.js';
import { PRIORITY, feedCandidates, feedItemCandidates, linkCandidates, olderThan, responseText, sitemapCandidates, sitemapCandidatesOf, type Candidate } from './discovery.js';
import type { CrawlScope } from './scope.js';
import type { Serial } from './serial.js';
import { nextRecrawlAt, type RecrawlPolicy } from './schedule.js';
import { isArticle } from '../../discover/article-test.js';
import type { CrawlCounters, CrawlOptions, HostProgress } from './types.js';

export interface HandleContext {
  options: CrawlOptions;
  store: Store;
  fetcher: Fetcher;
  pool: AnalyzePool;
  counters: CrawlCounters;
  scope: CrawlScope;
  since: number | undefined;
  recrawlPolicy: RecrawlPolicy;
  sourceIdOf(site: string): number | null;
  hostStats(host: string): HostProgress;
  enqueue(candidates: readonly Candidate[], options: { patterns: boolean }): Promise<unknown>;
  /** Sitemaps and feeds are read one at a time through this (see serial.ts). */
  discovery: Serial;
  stopping(): boolean;
  reserveArticle(): boolean;
  settleArticle(isNew: boolean): void;
}

const HTML_TYPES = new Set(['text/html', 'application/xhtml+xml']);
/** Candidates of a sitemap or feed checked and queued per store call: bounds the arrays in flight. */
const ENQUEUE_BATCH = 1000;

/** Whether the response has text, asked without decoding it (the analysis decodes it off this thread). */
function hasText(result: FetchResult): boolean {
  return result.decodeAs !== undefined ? result.decodeAs !== null : result.text !== null;
}

export function isHtmlResponse(result: FetchResult): boolean {
  return hasText(result) && (result.contentType === null || HTML_TYPES.has(result.contentType));
}

/** What the analysis reads: the raw bytes when the fetcher says how to decode them, else the text. */
export function pageSource(result: FetchResult): PageSource {
  return result.decodeAs ? { bytes: result.bytes, contentType: result.decodeAs.contentType } : { html: result.text ?? '' };
}


/** The URL to request: as it was found (hints.fetchUrl) when that differs from the canonical key. */
export function fetchUrlOf(item: FrontierItem): string {
  return typeof item.hints.fetchUrl === 'string' ? item.hints.fetchUrl : item.url;
}

export async function handleItem(ctx: HandleContext, item: FrontierItem): Promise<void> {
  if (ctx.stopping()) {
    await ctx.store.complete(item.id, { state: 'release' });
    return;
  }
  const stats = ctx.hostStats(item.host);
  let result: FetchResult;
  try {
    result = await ctx.fetcher.fetch(fetchUrlOf(item), { kind: item.kind });
  } catch (error) {
    await settleFetchError(ctx, item, error);
    stats.errors++;
    stats.lastError = { code: error instanceof MarsadError ? error.code : 'UNKNOWN', message: error instanceof Error ? error.message : String(error) };
    return;
  }
  ctx.counters.fetched++;
  ctx.counters.bytes += result.bytes.length;
  stats.fetched++;
  // WARC first, so the fetch log can say where the capture is (the API links an article to it).
  let warc: WarcLocation | null = null;
  if (ctx.options.warc) {
    try {
      warc = (await ctx.options.warc.write(result)) ?? null;
    } catch (error) {
      ctx.options.logger?.warn?.({ url: item.url, err: error }, 'WARC write failed');
    }
  }
  await ctx.store.logFetch({ url: item.url, host: item.host, kind: item.kind, status: result.status, bytes: result.bytes.length, elapsedMs: result.elapsedMs, fetchedAt: Date.parse(result.fetchedAt), warc });
  const outcome = await processResult(ctx, item, result);
  await ctx.store.complete(item.id, outcome);
}

async function settleFetchError(ctx: HandleContext, item: FrontierItem, error: unknown): Promise<void> {
  const e = error instanceof MarsadError ? error : null;
  const status = (error as { status?: number }).status ?? null;
  const message = error instanceof Error ? error.message : String(error);
  await ctx.store.logFetch({ url: item.url, host: item.host, kind: item.kind, status, bytes: 0, elapsedMs: 0, fetchedAt: Date.now(), errorCode: e?.code ?? 'UNKNOWN', error: message });
  let outcome: FrontierOutcome;
  if (e?.code === 'ROBOTS_DISALLOWED') {
    ctx.counters.blocked++;
    outcome = { state: 'blocked', error: message };
  } else if (e?.code === 'FETCHER_CLOSED') {
    outcome = { state: 'release' };
  } else if (e?.retryable && item.attempts + 1 < (ctx.options.maxAttempts ?? 3)) {
    ctx.counters.retried++;
    const delay = (ctx.options.retryDelayMs ?? 30_000) * 2 ** item.attempts;
    const retryAfter = (error as { retryAfterMs?: number }).retryAfterMs ?? 0;
    outcome = { state: 'retry', nextFetchAt: Date.now() + Math.max(delay, retryAfter), status, error: message };
  } else {
    ctx.counters.failed++;
    outcome = { state: 'failed', status, error: message };
  }
  // A guessed sitemap or feed path that does not exist is normal, not worth a warning.
  if (outcome.state === 'failed' && item.hints.via !== 'guess') ctx.options.logger?.warn?.({ url: item.url, code: e?.code, status }, message);
  await ctx.store.complete(item.id, outcome);
}

async function processResult(ctx: HandleContext, item: FrontierItem, result: FetchResult): Promise<FrontierOutcome> {
  const done: FrontierOutcome = { state: 'done', status: result.status };
  if (item.kind === 'sitemap' || item.kind === 'feed') {
    const kind = item.kind;
    return ctx.discovery.run(async () => {
      let candidates: Candidate[];
      if (kind === 'sitemap' && hasText(result)) {
        // Parsed on a worker (see AnalyzePool.readSitemap); a gzip file served as such is read below.
        candidates = sitemapCandidatesOf(await ctx.pool.readSitemap({ sitemap: pageSource(result), url: result.finalUrl }), result.finalUrl, item.depth);
      } else {
        const text = responseText(result);
        if (text === null) return { state: 'skipped', status: result.status, error: `not a ${kind}: ${result.contentType ?? 'no content type'}` };
        candidates = kind === 'sitemap' ? sitemapCandidates(text, result, item.depth) : feedItemCandidates(text, result, item.depth);
      }
      if (kind === 'sitemap') ctx.counters.sitemaps++;
      else ctx.counters.feeds++;
      for (let i = 0; i < candidates.length; i += ENQUEUE_BATCH) await ctx.enqueue(candidates.slice(i, i + ENQUEUE_BATCH), { patterns: true });
      return done;
    });
  }
  if (!isHtmlResponse(result)) {
    ctx.counters.notHtml++;
    return { state: 'skipped', status: result.status, error: `not HTML: ${result.contentType ?? 'unknown type'}` };
  }
  const follow = ctx.options.followLinks ?? 'all';
  const urlClass = classifyUrl(result.finalUrl);
  const wantLinks = follow === 'all' || (follow === 'listings' && (urlClass !== 'article' || item.hints.via === 'seed'));
  const analysis = await ctx.pool.run({ page: pageSource(result), url: result.finalUrl, fetchedAt: result.fetchedAt, wantLinks });

  const discovered: Candidate[] = [];
  if (item.hints.via === 'seed') discovered.push(...feedCandidates(result.finalUrl, analysis.feeds));
  else discovered.push(...analysis.feeds.map((url) => ({ url, kind: 'feed' as const, priority: PRIORITY.feed, depth: item.depth + 1, hints: { via: 'autodiscovery', from: result.finalUrl } })));
  if (wantLinks) discovered.push(...linkCandidates(analysis.links, result.finalUrl, item.depth));
  // The URL that answered after redirects is known now: do not queue it again.
  const final = canonicalizeUrl(result.finalUrl);
  if (final !== null && final !== item.url) discovered.push({ url: final, kind: 'page', priority: 0, depth: item.depth, hints: { via: 'redirect', from: item.url }, state: 'done' });

  let outcome: FrontierOutcome = done;
  if (isArticle(analysis.article, result.finalUrl, ctx.options)) {
    outcome = await storeArticle(ctx, item, result, analysis.article, analysis.canonical, discovered);
  } else {
    ctx.counters.listings++;
  }
  await ctx.enqueue(discovered, { patterns: true });
  return outcome;
}

async function storeArticle(ctx: HandleContext, item: FrontierItem, result: FetchResult, extracted: Article, canonicalLink: string | null, discovered: Candidate[]): Promise<FrontierOutcome> {
  // rel=canonical keys the record when it points inside the site; otherwise the URL that answered.
  const fetched = canonicalizeUrl(result.finalUrl) ?? item.url;
  const claimed = ctx.scope.check(extracted.canonicalUrl ?? canonicalLink ?? fetched, result.finalUrl, { patterns: false });
  const canonicalUrl = claimed.ok ? claimed.url : fetched;
  if (canonicalUrl !== item.url) discovered.push({ url: canonicalUrl, kind: 'page', priority: 0, depth: item.depth, hints: { via: 'canonical', from: item.url }, state: 'done' });
  if (olderThan(extracted.published, ctx.since)) {
    ctx.counters.tooOld++;
    return { state: 'skipped', status: result.status, error: 'published before --since' };
  }
  if (!ctx.reserveArticle()) return { state: 'release' };
  const article: Article = { ...extracted, url: result.finalUrl, canonicalUrl, id: articleId(canonicalUrl) };
  const fetchedAt = Date.parse(result.fetchedAt);
  let isNew = false;
  try {
    const saved = await ctx.store.saveArticle({
      article,
      sourceId: item.sourceId,
      fetchedAt,
      etag: result.headers.etag ?? null,
      lastModified: result.headers['last-modified'] ?? null,
      nextRecrawlAt: nextRecrawlAt({ now: fetchedAt, lastChangedAt: fetchedAt, published: article.published, policy: ctx.recrawlPolicy }),
    });
    isNew = saved.status === 'new';
    if (saved.status === 'new') ctx.counters.articlesNew++;
    else if (saved.status === 'updated') ctx.counters.articlesUpdated++;
    else ctx.counters.articlesUnchanged++;
    if (saved.dupGroup !== null && saved.status !== 'unchanged') ctx.counters.nearDuplicates++;
    if (isNew) ctx.hostStats(item.host).articles++;
  } finally {
    ctx.settleArticle(isNew);
  }
  return { state: 'done', status: result.status };
}

export { isArticle };
