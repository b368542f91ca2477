/**
 * One fetched HTML page -> what the crawler needs from it: the extracted record, its links,
 * its feed links and its rel=canonical. Pure and synchronous, so it runs the same on the main
 * thread and in a worker.
 */
import { readPageLinks, type LinkInfo } from '../../discover/links.js';
import { extractArticle } from '../../extract/extract-article.js';
import type { Article } from '../../extract/types.js';

export interface AnalyzeTask {
  html: string;
  url: string;
  /** ISO 8601. */
  fetchedAt: string;
  /** Collect anchors (false for pages whose links will not be followed). */
  wantLinks: boolean;
}

export interface PageAnalysis {
  article: Article | null;
  /** Why extraction failed, when it did (the page is still used for links). */
  error: { code: string; message: string } | null;
  links: LinkInfo[];
  feeds: string[];
  canonical: string | null;
}

export function analyzePage(task: AnalyzeTask): PageAnalysis {
  let article: Article | null = null;
  let error: PageAnalysis['error'] = null;
  try {
    article = extractArticle(task.html, { url: task.url, fetchedAt: task.fetchedAt });
  } catch (cause) {
    const e = cause as { code?: string; message?: string };
    error = { code: e.code ?? 'EXTRACT', message: e.message ?? String(cause) };
  }
  const page = readPageLinks(task.html, task.url);
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
