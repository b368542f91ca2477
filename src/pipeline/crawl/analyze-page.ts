/**
 * One fetched HTML page -> what the crawler needs from it: the extracted record, its links,
 * its feed links and its rel=canonical. Pure and synchronous, so it runs the same on the main
 * thread and in a worker. Given the response bytes, it decodes them itself, so a worker
 * thread pays for the decoding instead of the thread doing the I/O.
 */
import { extractArticle } from '../../extract/extract-article.js';
import type { Article } from '../../extract/types.js';
import { parseSitemap, type ParsedSitemap } from '../../discover/sitemap.js';
import { decodeBody } from '../../fetch/decode-body.js';
import { scanPageLinks, type PageLink } from './page-links.js';

/** The page as text, or as the response bytes and the content type to decode them with. */
export type PageSource = { html: string } | { bytes: Uint8Array; contentType: string | null };

export interface AnalyzeTask {
  page: PageSource;
  url: string;
  /** ISO 8601. */
  fetchedAt: string;
  /** Collect anchors (false for pages whose links will not be followed). */
  wantLinks: boolean;
}

/** A sitemap response to parse (off the I/O thread, like a page). */
export interface SitemapTask {
  sitemap: PageSource;
  /** The URL it was fetched from, which relative `<loc>`s resolve against. */
  url: string;
}

export interface PageAnalysis {
  article: Article | null;
  /** Why extraction failed, when it did (the page is still used for links). */
  error: { code: string; message: string } | null;
  links: PageLink[];
  feeds: string[];
  canonical: string | null;
}

function pageText(page: PageSource): string {
  if ('html' in page) return page.html;
  return decodeBody(page.bytes, page.contentType)?.text ?? '';
}

export function analyzePage(task: AnalyzeTask): PageAnalysis {
  let article: Article | null = null;
  let error: PageAnalysis['error'] = null;
  const html = pageText(task.page);
  try {
    article = extractArticle(html, { url: task.url, fetchedAt: task.fetchedAt });
  } catch (cause) {
    const e = cause as { code?: string; message?: string };
    error = { code: e.code ?? 'EXTRACT', message: e.message ?? String(cause) };
  }
  const page = scanPageLinks(html, task.url);
  // The trace is for debugging one page; it is not worth carrying into the store.
  if (article) article = { ...article, extraction: { ...article.extraction, trace: [] } };
  return {
    article,
    error,
    links: task.wantLinks ? page.links : [],
    feeds: page.feeds,
    canonical: page.canonical ?? null,
  };
}

export function readSitemap(task: SitemapTask): ParsedSitemap {
  return parseSitemap(pageText(task.sitemap), task.url);
}
