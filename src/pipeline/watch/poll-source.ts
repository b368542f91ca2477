/**
 * One poll of one source: re-read its feeds and sitemaps (conditional GET, so an unchanged one
 * costs a 304), queue the article URLs that are new, and mark stored articles whose feed or
 * sitemap date moved past our last fetch as due for a recrawl (that is how a revision is caught
 * within a poll, not at the recrawl schedule's next turn). The fetches go through the crawl's
 * fetcher, so robots.txt and the per-host delay hold; the URLs go through the crawl's scope,
 * so traps, --include/--exclude and the per-host cap hold too.
 */
import { canonicalizeUrl } from '../../discover/canonical-url.js';
import { parseSitemap } from '../../discover/sitemap.js';
import { MarsadError } from '../../errors.js';
import type { Fetcher, FetchResult } from '../../fetch/types.js';
import type { FrontierKind, PollState, Source, Store } from '../../store/store.js';
import { classifyUrl } from '../../discover/classify-url.js';
import type { AnalyzePool } from '../crawl/analyze-pool.js';
import type { Crawler } from '../crawl/crawler.js';
import { PRIORITY, feedItemCandidates, linkCandidates, responseText, sitemapCandidatesOf, type Candidate } from '../crawl/discovery.js';
import { isHtmlResponse, pageSource } from '../crawl/handle-item.js';
import type { CrawlLogger, FollowLinks, ResponseSink } from '../crawl/types.js';
import { indexChildrenToRead, pollTargets } from './poll-targets.js';

export interface PollContext {
  store: Store;
  fetcher: Fetcher;
  crawler: Crawler;
  /** Reads the start pages of a source without feed or sitemap. */
  pool: AnalyzePool;
  followLinks: FollowLinks;
  warc?: ResponseSink;
  logger?: CrawlLogger;
  signal?: AbortSignal;
}

export interface PollResult {
  /** Feeds and sitemaps fetched (a 304 counts). 0: the source's crawl has not read any yet. */
  read: number;
  /** Article URLs new to the store, now queued. */
  found: number;
  /** Stored articles marked due for a recrawl because their listed date is newer than our copy. */
  revised: number;
  errors: number;
  /** Publication dates (epoch ms) of the listed items, for the publishing gap. */
  dates: number[];
  validators: PollState['validators'];
}

/** Dates within this much before the last poll are checked too: sitemaps round to the second or minute, clocks differ. */
const DATE_SLACK_MS = 60_000;

interface Target {
  url: string;
  fetchUrl: string;
  host: string;
  kind: FrontierKind;
  depth: number;
}

export async function pollSource(ctx: PollContext, source: Source, state: PollState): Promise<PollResult> {
  const result: PollResult = { read: 0, found: 0, revised: 0, errors: 0, dates: [], validators: { ...state.validators } };
  const targets: Target[] = (await pollTargets(ctx.store, source.id, { pages: ctx.followLinks !== 'none' })).map((item) => ({
    url: item.url,
    fetchUrl: typeof item.hints.fetchUrl === 'string' ? item.hints.fetchUrl : item.url,
    host: item.host,
    kind: item.kind,
    depth: item.depth,
  }));
  for (const target of targets) {
    if (ctx.signal?.aborted || ctx.crawler.stopping) break;
    const children = await readTarget(ctx, target, state, result);
    for (const url of children) {
      if (ctx.signal?.aborted || ctx.crawler.stopping) break;
      const key = canonicalizeUrl(url) ?? url;
      await readTarget(ctx, { url: key, fetchUrl: url, host: new URL(key).host, kind: 'sitemap', depth: target.depth + 1 }, state, result);
    }
  }
  return result;
}

/**
 * Fetches one feed or sitemap and queues what it lists. For a sitemap index, returns the
 * children this poll reads itself (queued as done, so that the crawl does not fetch them too);
 * the other new children are queued for the crawl.
 */
async function readTarget(ctx: PollContext, target: Target, state: PollState, result: PollResult): Promise<string[]> {
  const known = result.validators[target.url] ?? {};
  let response: FetchResult;
  try {
    response = await ctx.fetcher.fetch(target.fetchUrl, { kind: target.kind, ...(known.etag ? { etag: known.etag } : {}), ...(known.lastModified ? { lastModified: known.lastModified } : {}) });
  } catch (error) {
    if (error instanceof MarsadError && error.code === 'FETCHER_CLOSED') return []; // the watch is stopping
    result.errors++;
    const message = error instanceof Error ? error.message : String(error);
    await ctx.store.logFetch({ url: target.url, host: target.host, kind: target.kind, status: (error as { status?: number }).status ?? null, bytes: 0, elapsedMs: 0, fetchedAt: Date.now(), errorCode: error instanceof MarsadError ? error.code : 'UNKNOWN', error: message });
    ctx.logger?.warn?.({ url: target.url }, `poll: ${message}`);
    return [];
  }
  result.read++;
  const warc = ctx.warc && !response.notModified ? ((await ctx.warc.write(response).catch((error: unknown) => ctx.logger?.warn?.({ url: target.url, err: error }, 'WARC write failed'))) ?? null) : null;
  await ctx.store.logFetch({ url: target.url, host: target.host, kind: target.kind, status: response.status, bytes: response.bytes.length, elapsedMs: response.elapsedMs, fetchedAt: Date.parse(response.fetchedAt), notModified: response.notModified, warc });
  if (response.notModified) return [];
  const validators = { ...(response.headers.etag ? { etag: response.headers.etag } : {}), ...(response.headers['last-modified'] ? { lastModified: response.headers['last-modified'] } : {}) };
  if (Object.keys(validators).length > 0) result.validators[target.url] = validators;
  else delete result.validators[target.url];

  if (target.kind === 'page') {
    await readStartPage(ctx, target, response, result);
    return [];
  }
  let text: string | null;
  try {
    text = responseText(response);
  } catch (error) {
    result.errors++;
    ctx.logger?.warn?.({ url: target.url }, `poll: ${(error as Error).message}`);
    return [];
  }
  if (text === null) return [];
  let children: string[] = [];
  let candidates: Candidate[];
  if (target.kind === 'feed') candidates = feedItemCandidates(text, response, target.depth);
  else {
    const parsed = parseSitemap(text, response.finalUrl);
    candidates = sitemapCandidatesOf(parsed, response.finalUrl, target.depth);
    // Children are read one level down only: an index of indexes is a crawl's business.
    if (target.depth === 0) children = indexChildrenToRead(parsed, state.lastPollAt);
  }
  const pages = candidates.filter((c) => c.kind === 'page').map((c) => (announcedSince(c, state.lastPollAt) ? { ...c, uncapped: true } : c));
  result.found += await ctx.crawler.enqueue(pages, { patterns: true });
  const readHere = new Set(children);
  await ctx.crawler.enqueue(candidates.filter((c) => c.kind !== 'page').map((c) => (readHere.has(c.url) ? { ...c, state: 'done' as const } : c)), { patterns: true });
  for (const page of pages) {
    const published = Date.parse(page.hints.published ?? page.date ?? '');
    if (Number.isFinite(published)) result.dates.push(published);
  }
  result.revised += await markRevised(ctx.store, pages, state.lastPollAt);
  return children;
}

/**
 * A start page of a source without feed or sitemap: its article links new to the store are its
 * new articles (counted, and queued first); its other new links (sections) are queued too, as
 * the crawl would, and a feed it now names becomes a poll target once the crawl has read it.
 */
async function readStartPage(ctx: PollContext, target: Target, response: FetchResult, result: PollResult): Promise<void> {
  if (!isHtmlResponse(response)) return;
  const analysis = await ctx.pool.run({ page: pageSource(response), url: response.finalUrl, fetchedAt: response.fetchedAt, wantLinks: true });
  const links = linkCandidates(analysis.links, response.finalUrl, target.depth);
  const articles = links.filter((c) => classifyUrl(c.url) === 'article');
  result.found += await ctx.crawler.enqueue(articles, { patterns: true });
  const feeds = analysis.feeds.map((url) => ({ url, kind: 'feed' as const, priority: PRIORITY.feed, depth: target.depth + 1, hints: { via: 'autodiscovery', from: response.finalUrl } }));
  await ctx.crawler.enqueue([...feeds, ...links.filter((c) => classifyUrl(c.url) !== 'article')], { patterns: true });
}

/**
 * Whether the feed or sitemap dates an item after the previous poll: a new article, which the
 * per-host page cap must not keep out. Undated items and a first poll's backlog stay capped.
 */
function announcedSince(page: Candidate, lastPollAt: number | null): boolean {
  if (lastPollAt === null) return false;
  const date = Date.parse(page.hints.published ?? page.date ?? '');
  return Number.isFinite(date) && date >= lastPollAt - DATE_SLACK_MS;
}

/**
 * Stored articles whose listed modification date is after our last fetch of them: due for a
 * recrawl now. Only items dated after the previous poll are looked up (a handful per poll); on
 * a source's first poll the crawl has just fetched everything, so nothing is.
 */
async function markRevised(store: Store, pages: readonly Candidate[], lastPollAt: number | null): Promise<number> {
  if (lastPollAt === null) return 0;
  const now = Date.now();
  let marked = 0;
  for (const page of pages) {
    const changed = Date.parse(page.hints.lastmod ?? '');
    if (!Number.isFinite(changed) || changed < lastPollAt - DATE_SLACK_MS) continue;
    const article = await store.getArticleByUrl(canonicalizeUrl(page.url) ?? page.url);
    if (article === null || changed <= article.lastFetchedAt || article.nextRecrawlAt <= now) continue;
    await store.markChecked(article.id, { checkedAt: article.lastFetchedAt, nextRecrawlAt: now });
    marked++;
  }
  return marked;
}
