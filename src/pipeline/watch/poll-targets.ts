/**
 * What a poll re-reads: the feeds and sitemaps through which a source announces new articles.
 * They are the ones its crawl already read successfully (frontier entries in state done): every
 * feed, and the top-level sitemaps (from robots.txt, the config, or the usual /sitemap.xml).
 * A source with none of them is read through its start pages (home, section), whose new links
 * are its new articles — unless links are not followed (--follow-links none).
 * Of a sitemap index, only the children that can hold new articles are read again (see
 * indexChildrenToRead); the rest of an archive does not change.
 */
import type { FrontierItem, Store } from '../../store/store.js';
import type { ParsedSitemap } from '../../discover/sitemap.js';

/** A source with more feeds than this is a site that autodiscovers one per section: the first ones are enough. */
const MAX_TARGETS = 20;
/** Index children without a <lastmod> read on each poll, at most (news sitemaps rarely state one). */
const MAX_UNDATED_CHILDREN = 3;

export async function pollTargets(store: Store, sourceId: number, options: { pages: boolean }): Promise<FrontierItem[]> {
  const [feeds, sitemaps] = await Promise.all([
    store.frontierEntries({ sourceId, kinds: ['feed'], states: ['done'], limit: MAX_TARGETS }),
    store.frontierEntries({ sourceId, kinds: ['sitemap'], states: ['done'], maxDepth: 0, limit: MAX_TARGETS }),
  ]);
  const announcers = [...sitemaps, ...feeds].slice(0, MAX_TARGETS);
  if (announcers.length > 0 || !options.pages) return announcers;
  // A site with neither feed nor sitemap announces its news on its start pages: read those.
  return (await store.frontierEntries({ sourceId, kinds: ['page'], states: ['done'], maxDepth: 0, limit: MAX_TARGETS })).filter((item) => item.hints.via === 'seed');
}

/**
 * The children of a sitemap index worth reading again: the one with the newest <lastmod> (where
 * this month's articles go), any whose <lastmod> is after `since` (the last poll), and the
 * undated ones (typically the news sitemap) when there are few — else the last listed, which
 * on most sites is the newest.
 */
export function indexChildrenToRead(parsed: ParsedSitemap, since: number | null): string[] {
  const lastmods = parsed.sitemapLastmods ?? {};
  const dated = parsed.sitemaps.filter((url) => Number.isFinite(Date.parse(lastmods[url] ?? '')));
  const undated = parsed.sitemaps.filter((url) => !dated.includes(url));
  const time = (url: string): number => Date.parse(lastmods[url]!);
  const newest = Math.max(...dated.map(time));
  const picked = dated.filter((url) => time(url) === newest || (since !== null && time(url) > since));
  picked.push(...(undated.length <= MAX_UNDATED_CHILDREN ? undated : undated.slice(-1)));
  return [...new Set(picked)];
}
