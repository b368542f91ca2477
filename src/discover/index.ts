/** Discovery: sitemaps, feeds, links, canonical URLs, URL and page classification, trap limits. */
export { parseSitemap } from './sitemap.js';
export type { ParsedSitemap, SitemapNews, SitemapUrl } from './sitemap.js';
export { parseFeed, FEED_GUESS_PATHS } from './feed.js';
export type { FeedItem, ParsedFeed } from './feed.js';
export { extractLinks, extractLinkDetails, findFeedLinks, findCanonicalLink, readPageLinks } from './links.js';
export type { LinkInfo, PageLinks } from './links.js';
export { canonicalizeUrl, isTrackingParam, sameSite, siteKey } from './canonical-url.js';
export { classifyUrl } from './classify-url.js';
export type { UrlClass } from './classify-url.js';
export { classifyPage, readPageSignals } from './classify-page.js';
export type { PageClass, PageSignals } from './classify-page.js';
export { trapReason } from './traps.js';
export type { TrapLimits } from './traps.js';
export { maybeGunzip } from '../fetch/read-body.js';
