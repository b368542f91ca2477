/**
 * HTML pages out of WARC files: `response` records with a 2xx status and an HTML payload,
 * filtered before extraction wherever the WARC and HTTP headers already answer the question.
 */
import { parseHttpResponse } from './http-response.js';
import { readWarcFile, type WarcReadOptions } from './warc-reader.js';

export interface WarcPage {
  url: string;
  /** WARC-Date: when the page was captured (ISO 8601). */
  date: string | null;
  status: number;
  headers: Record<string, string>;
  /** The payload bytes (decoded from any transfer or content encoding; charset untouched). */
  html: Buffer;
}

export interface PageFilters {
  /** Hosts to keep (a host matches itself and its subdomains). */
  hosts?: string[];
  /** Languages to keep (BCP 47 prefixes: "ar" keeps "ar-EG"). */
  languages?: string[];
  /** Keep pages published at or after this instant (ISO 8601). */
  since?: string | null;
  /** Keep pages published before this instant (ISO 8601). */
  until?: string | null;
}

export interface SkipCounts {
  notResponse: number;
  notHtml: number;
  status: number;
  host: number;
  language: number;
  date: number;
  /** Pages that are not articles by the crawler's test (home, section and tag pages, feeds). */
  notArticle: number;
}

export function emptySkipCounts(): SkipCounts {
  return { notResponse: 0, notHtml: 0, status: 0, host: 0, language: 0, date: 0, notArticle: 0 };
}

export function hostMatches(host: string, wanted: readonly string[]): boolean {
  const h = host.toLowerCase().replace(/^www\./, '');
  return wanted.some((w) => {
    const x = w.toLowerCase().replace(/^www\./, '');
    return h === x || h.endsWith(`.${x}`);
  });
}

export function languageMatches(language: string, wanted: readonly string[]): boolean {
  const l = language.toLowerCase();
  return wanted.some((w) => l === w.toLowerCase() || l.startsWith(`${w.toLowerCase()}-`));
}

/** The page's declared language (Content-Language, else <html lang>), or null. */
function declaredLanguage(page: WarcPage): string | null {
  const header = page.headers['content-language']?.split(',')[0]?.trim();
  if (header) return header;
  const m = /<html\b[^>]*?\blang\s*=\s*["']?([A-Za-z]{2,3}(?:-[A-Za-z0-9]+)*)/i.exec(page.html.toString('latin1', 0, 4096));
  return m?.[1] ?? null;
}

/*
 * Rules applied before extraction (each only drops what extraction could not bring back):
 * - host: the URL's host.
 * - language: only when the page declares one (header or <html lang>); undeclared pages are
 *   extracted and judged by the detected language afterwards.
 * - since: a page captured before `since` was published before it too. `until` cannot be
 *   decided before extraction (an old article can be captured late).
 */
export function keepBeforeExtraction(page: WarcPage, filters: PageFilters, skipped: SkipCounts): boolean {
  if (filters.hosts?.length) {
    let host = '';
    try {
      host = new URL(page.url).hostname;
    } catch {
      // an unparsable URL has no host to match
    }
    if (!hostMatches(host, filters.hosts)) return (skipped.host++, false);
  }
  if (filters.languages?.length) {
    const lang = declaredLanguage(page);
    if (lang !== null && !languageMatches(lang, filters.languages)) return (skipped.language++, false);
  }
  if (filters.since && page.date && Date.parse(page.date) < Date.parse(filters.since)) return (skipped.date++, false);
  return true;
}

/** Yields the HTML responses of a WARC file. */
export async function* readWarcPages(path: string, options: WarcReadOptions & { skipped?: SkipCounts } = {}): AsyncGenerator<WarcPage> {
  const skipped = options.skipped ?? emptySkipCounts();
  for await (const record of readWarcFile(path, options)) {
    if (record.type !== 'response' || record.targetUri === null) {
      skipped.notResponse++;
      continue;
    }
    const http = parseHttpResponse(record.block);
    if (http === null) {
      skipped.notHtml++;
      continue;
    }
    if (http.status < 200 || http.status > 299) {
      skipped.status++;
      continue;
    }
    const type = (http.headers['content-type'] ?? '').toLowerCase();
    const looksHtml = type === ''
      ? /^\s*(<!doctype html|<html|<head|<body)/i.test(http.body.toString('latin1', 0, 512))
      : /text\/html|application\/xhtml\+xml/.test(type);
    if (!looksHtml) {
      skipped.notHtml++;
      continue;
    }
    yield { url: record.targetUri, date: record.date, status: http.status, headers: http.headers, html: http.body };
  }
}
