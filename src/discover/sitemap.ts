/**
 * Sitemaps (sitemaps.org urlset and sitemapindex) and Google News sitemaps.
 * Image and video extensions are ignored. A malformed or truncated file still yields the
 * `<loc>`s that can be read, through a lenient scan, since a half sitemap beats none.
 */
import { absoluteUrl, asArray, child, decodeXmlEntities, parseXml, textOf } from './xml.js';

export interface SitemapNews {
  publicationDate?: string;
  title?: string;
  language?: string;
}

export interface SitemapUrl {
  url: string;
  lastmod?: string;
  news?: SitemapNews;
}

export interface ParsedSitemap {
  urls: SitemapUrl[];
  /** Child sitemaps of a sitemap index. */
  sitemaps: string[];
  /** The index's `<lastmod>` of each child that states one (watch re-reads the recently changed children). */
  sitemapLastmods?: Record<string, string>;
}

function readNews(node: unknown): SitemapNews | undefined {
  const news = asArray(child(node, 'news'))[0];
  if (news === undefined) return undefined;
  const publication = child(news, 'publication');
  const out: SitemapNews = {};
  const date = textOf(child(news, 'publication_date'));
  const title = textOf(child(news, 'title'));
  const language = textOf(child(publication, 'language'));
  if (date) out.publicationDate = date;
  if (title) out.title = title;
  if (language) out.language = language;
  return Object.keys(out).length > 0 ? out : undefined;
}

export function parseSitemap(xml: string, baseUrl: string): ParsedSitemap {
  const doc = parseXml(xml);
  if (doc === null) return scanLocs(xml, baseUrl);
  const urls: SitemapUrl[] = [];
  const sitemaps: string[] = [];
  for (const node of asArray(child(child(doc, 'urlset'), 'url'))) {
    const url = absoluteUrl(textOf(child(node, 'loc')), baseUrl);
    if (!url) continue;
    const entry: SitemapUrl = { url };
    const lastmod = textOf(child(node, 'lastmod'));
    if (lastmod) entry.lastmod = lastmod;
    const news = readNews(node);
    if (news) entry.news = news;
    urls.push(entry);
  }
  const sitemapLastmods: Record<string, string> = {};
  for (const node of asArray(child(child(doc, 'sitemapindex'), 'sitemap'))) {
    const url = absoluteUrl(textOf(child(node, 'loc')), baseUrl);
    if (!url) continue;
    sitemaps.push(url);
    const lastmod = textOf(child(node, 'lastmod'));
    if (lastmod) sitemapLastmods[url] = lastmod;
  }
  return Object.keys(sitemapLastmods).length > 0 ? { urls, sitemaps, sitemapLastmods } : { urls, sitemaps };
}

/** Lenient fallback: every `<loc>` in document order; those inside `<sitemap>` are child sitemaps. */
function scanLocs(xml: string, baseUrl: string): ParsedSitemap {
  const urls: SitemapUrl[] = [];
  const sitemaps: string[] = [];
  const isIndex = /<(?:\w+:)?sitemapindex[\s>]/.test(xml.slice(0, 4096));
  // Unprefixed <loc> only: <image:loc> and <video:loc> are not pages.
  const re = /<loc>\s*(?:<!\[CDATA\[)?([^<\]]+?)(?:\]\]>)?\s*<\/loc>/g;
  for (let m = re.exec(xml); m !== null; m = re.exec(xml)) {
    const url = absoluteUrl(decodeXmlEntities(m[1] ?? ''), baseUrl);
    if (!url) continue;
    if (isIndex) sitemaps.push(url);
    else urls.push({ url });
  }
  return { urls, sitemaps };
}
