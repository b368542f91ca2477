/**
 * Discovery: turns seeds, sitemaps, feeds and page links into frontier entries.
 * Priorities decide the order within a host: sitemaps and feeds first (they list many
 * articles at once), then the seed page, then article URLs (news-sitemap and feed items
 * before plain sitemap entries), listing pages, and anything else last.
 */
import { gunzipSync } from 'node:zlib';
import { classifyUrl } from '../../discover/classify-url.js';
import { FEED_GUESS_PATHS, parseFeed } from '../../discover/feed.js';
import { parseSitemap, type ParsedSitemap } from '../../discover/sitemap.js';
import type { FetchResult } from '../../fetch/types.js';
import type { FrontierHints, FrontierInput, FrontierKind, FrontierState } from '../../store/store.js';
import type { PageLink } from './page-links.js';
import type { CrawlScope } from './scope.js';

export const PRIORITY = {
  sitemap: 100,
  feed: 95,
  seed: 90,
  newsArticle: 70,
  article: 60,
  listing: 30,
  other: 10,
} as const;

const MAX_GZIP_BYTES = 50 * 1024 * 1024;

/** A discovered URL before the scope and date checks. */
export interface Candidate {
  url: string;
  kind: FrontierKind;
  priority: number;
  depth: number;
  hints: FrontierHints;
  /** The date --since compares (publication or, failing that, last modification). */
  date?: string;
  /** 'done' records a URL as already fetched (a redirect target, a rel=canonical twin). */
  state?: FrontierState;
  /**
   * Not held to the per-host page cap (a trap backstop): an article a watched source announced
   * as new in its feed or sitemap, which a months-long watch must still take once the host's
   * frontier is past the cap. Every other scope rule still applies.
   */
  uncapped?: boolean;
}

/** The text of a sitemap or feed response, gunzipping a `.xml.gz` served as a gzip file. */
export function responseText(result: FetchResult): string | null {
  if (result.text !== null) return result.text;
  const bytes = result.bytes;
  if (bytes.length > 2 && bytes[0] === 0x1f && bytes[1] === 0x8b) {
    return gunzipSync(bytes, { maxOutputLength: MAX_GZIP_BYTES }).toString('utf8');
  }
  return null;
}

/** The entries a seed starts with: the page itself, robots.txt and usual sitemaps, given feeds. */
export function seedCandidates(seedUrl: string, options: { robotsSitemaps: string[]; sitemaps?: string[]; feeds?: string[] }): Candidate[] {
  const origin = new URL(seedUrl).origin;
  const out: Candidate[] = [{ url: seedUrl, kind: 'page', priority: PRIORITY.seed, depth: 0, hints: { via: 'seed' } }];
  if (new URL(seedUrl).pathname !== '/') out.push({ url: `${origin}/`, kind: 'page', priority: PRIORITY.seed, depth: 0, hints: { via: 'seed' } });
  for (const url of options.robotsSitemaps) out.push({ url, kind: 'sitemap', priority: PRIORITY.sitemap, depth: 0, hints: { via: 'robots' } });
  for (const url of options.sitemaps ?? []) out.push({ url, kind: 'sitemap', priority: PRIORITY.sitemap, depth: 0, hints: { via: 'config' } });
  // Sites that do not list their sitemap in robots.txt usually still serve it at the usual place.
  if (options.robotsSitemaps.length === 0) out.push({ url: `${origin}/sitemap.xml`, kind: 'sitemap', priority: PRIORITY.sitemap, depth: 0, hints: { via: 'guess' } });
  for (const url of options.feeds ?? []) out.push({ url, kind: 'feed', priority: PRIORITY.feed, depth: 0, hints: { via: 'config' } });
  return out;
}

/** Feeds a seed page names, or the usual feed paths when it names none. */
export function feedCandidates(pageUrl: string, feeds: readonly string[]): Candidate[] {
  const origin = new URL(pageUrl).origin;
  const urls = feeds.length > 0 ? feeds : FEED_GUESS_PATHS.map((path) => `${origin}${path}`);
  const via = feeds.length > 0 ? 'autodiscovery' : 'guess';
  return urls.map((url) => ({ url, kind: 'feed' as const, priority: PRIORITY.feed, depth: 1, hints: { via, from: pageUrl } }));
}

function pagePriority(url: string, news: boolean): number {
  const kind = classifyUrl(url);
  if (kind === 'article') return news ? PRIORITY.newsArticle : PRIORITY.article;
  return kind === 'listing' ? PRIORITY.listing : PRIORITY.other;
}

export function sitemapCandidates(text: string, result: FetchResult, depth: number): Candidate[] {
  return sitemapCandidatesOf(parseSitemap(text, result.finalUrl), result.finalUrl, depth);
}

/** Candidates of a parsed sitemap fetched from `from`. */
export function sitemapCandidatesOf(parsed: ParsedSitemap, from: string, depth: number): Candidate[] {
  const out: Candidate[] = parsed.sitemaps.map((url) => ({ url, kind: 'sitemap' as const, priority: PRIORITY.sitemap, depth: depth + 1, hints: { via: 'sitemap-index', from } }));
  for (const entry of parsed.urls) {
    const hints: FrontierHints = { via: entry.news ? 'news-sitemap' : 'sitemap', from };
    if (entry.lastmod) hints.lastmod = entry.lastmod;
    if (entry.news?.publicationDate) hints.published = entry.news.publicationDate;
    if (entry.news?.title) hints.title = entry.news.title;
    if (entry.news?.language) hints.language = entry.news.language;
    // lastmod is never earlier than publication, so an old lastmod proves an old article.
    const date = entry.news?.publicationDate ?? entry.lastmod;
    out.push({ url: entry.url, kind: 'page', priority: pagePriority(entry.url, entry.news !== undefined), depth: depth + 1, hints, ...(date ? { date } : {}) });
  }
  return out;
}

export function feedItemCandidates(text: string, result: FetchResult, depth: number): Candidate[] {
  const parsed = parseFeed(text, result.finalUrl);
  return parsed.items.map((item) => {
    const hints: FrontierHints = { via: 'feed', from: result.finalUrl };
    if (item.published) hints.published = item.published;
    if (item.updated) hints.lastmod = item.updated;
    if (item.title) hints.title = item.title;
    const date = item.published ?? item.updated;
    return { url: item.url, kind: 'page' as const, priority: pagePriority(item.url, true), depth: depth + 1, hints, ...(date ? { date } : {}) };
  });
}

export function linkCandidates(links: readonly PageLink[], pageUrl: string, depth: number): Candidate[] {
  const out: Candidate[] = [];
  for (const link of links) {
    // nofollow links are usually ads, comments or partners: not the site's own articles.
    if (link.nofollow) continue;
    out.push({ url: link.url, kind: 'page', priority: pagePriority(link.url, false), depth: depth + 1, hints: { via: 'link', from: pageUrl } });
  }
  return out;
}

/** True when `date` is known and earlier than `since`. */
export function olderThan(date: string | null | undefined, since: number | undefined): boolean {
  if (since === undefined || !date) return false;
  const t = Date.parse(date);
  return Number.isFinite(t) && t < since;
}

/**
 * Scope-checks and deduplicates candidates into frontier entries. `seen` is a bounded
 * in-memory memo of URLs already offered, to spare the store millions of no-op inserts
 * (an article page links to ~200 URLs, nearly all known).
 */
export function toFrontierEntries(
  candidates: readonly Candidate[],
  context: { scope: CrawlScope; sourceIdOf: (site: string) => number | null; since?: number; seen: SeenUrls; patterns: boolean },
): { entries: FrontierInput[]; tooOld: number } {
  const entries: FrontierInput[] = [];
  let tooOld = 0;
  for (const c of candidates) {
    // A URL string offered before (as found or canonical) was decided then: canonicalizing
    // and scope-checking it again is most of the cost of a page's ~200 links, nearly all repeats.
    if (context.seen.has(c.url)) continue;
    context.seen.add(c.url);
    const verdict = context.scope.check(c.url, undefined, { patterns: context.patterns && c.kind === 'page' && c.hints.via !== 'seed', cap: c.uncapped !== true });
    if (!verdict.ok) continue;
    if (verdict.url !== c.url) {
      if (context.seen.has(verdict.url)) continue;
      context.seen.add(verdict.url);
    }
    if (c.kind === 'page' && olderThan(c.date, context.since)) {
      tooOld++;
      continue;
    }
    // The canonical form is the key and is what gets fetched, except when canonicalization
    // changed the path (a trailing slash, an index page): some servers answer only their own spelling.
    const hints = c.state === 'done' || samePath(verdict.url, c.url) ? c.hints : { ...c.hints, fetchUrl: c.url };
    entries.push({ url: verdict.url, host: verdict.host, sourceId: context.sourceIdOf(verdict.site), kind: c.kind, priority: c.priority, depth: c.depth, hints, ...(c.state ? { state: c.state } : {}) });
  }
  return { entries, tooOld };
}

function samePath(a: string, b: string): boolean {
  try {
    return new URL(a).pathname === new URL(b).pathname;
  } catch {
    return true;
  }
}

/**
 * The URLs a crawl has already offered: a set that forgets everything when it grows past its
 * limit (memory stays flat; the store is the truth). It keeps a 64-bit hash of each URL in
 * typed arrays rather than the string: 250,000 URLs take 4 MB instead of ~50 MB of strings and
 * hash-table entries (news URLs with percent-encoded Arabic slugs run to 200 characters). Two
 * different URLs sharing a hash would make the second look seen; at 2^-64 per pair that is
 * about one chance in 10^8 over a million URLs.
 */
export class SeenUrls {
  private readonly hi: Uint32Array;
  private readonly lo: Uint32Array;
  private readonly mask: number;
  private size = 0;

  constructor(private readonly limit = 250_000) {
    let slots = 1024;
    while (slots < limit * 2) slots *= 2;
    this.hi = new Uint32Array(slots);
    this.lo = new Uint32Array(slots);
    this.mask = slots - 1;
  }

  has(url: string): boolean {
    hash(url);
    return this.find(h1, h2) !== -1;
  }

  add(url: string): void {
    hash(url);
    if (this.find(h1, h2) !== -1) return;
    if (this.size >= this.limit) {
      this.hi.fill(0);
      this.lo.fill(0);
      this.size = 0;
    }
    let i = h2 & this.mask;
    while (this.lo[i] !== 0) i = (i + 1) & this.mask;
    this.hi[i] = h1;
    this.lo[i] = h2;
    this.size++;
  }

  /** The slot holding (a, b), or -1. Linear probing; an empty slot has lo 0, which no hash has. */
  private find(a: number, b: number): number {
    for (let i = b & this.mask; ; i = (i + 1) & this.mask) {
      const lo = this.lo[i]!;
      if (lo === 0) return -1;
      if (lo === b && this.hi[i] === a) return i;
    }
  }
}

/** The two 32-bit halves of the last hash() (module state, to return two numbers without an allocation). */
let h1 = 0;
let h2 = 0;

/** Two independent 32-bit multiplicative hashes of the UTF-16 code units (cyrb53's mixing); h2 is never 0. */
function hash(text: string): void {
  let a = 0xdeadbeef;
  let b = 0x41c6ce57;
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    a = Math.imul(a ^ c, 2654435761);
    b = Math.imul(b ^ c, 1597334677);
  }
  a = Math.imul(a ^ (a >>> 16), 2246822507) ^ Math.imul(b ^ (b >>> 13), 3266489909);
  b = Math.imul(b ^ (b >>> 16), 2246822507) ^ Math.imul(a ^ (a >>> 13), 3266489909);
  h1 = a >>> 0;
  h2 = (b >>> 0) || 1;
}
