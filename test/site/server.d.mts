/** Types of the loopback test site (server.mjs), for the TypeScript tests. */

export interface TestSiteOptions {
  /** 0 (default) picks a free port. */
  port?: number;
  /** Addresses of the three hosts (default 127.0.0.2, 127.0.0.3, 127.0.0.4). */
  ips?: string[];
  /** Force 127.0.0.1 with one port per host. */
  portsMode?: boolean;
  /** Articles per host (default 12); the ar host has two windows-1256 articles more. */
  articlesPerHost?: number;
  /** robots.txt Crawl-delay of the mixed host in seconds (default 1; 0 for none). */
  crawlDelaySec?: number;
  /** Added to every response. */
  latencyMs?: number;
}

export interface RequestLogEntry {
  /** Epoch milliseconds (fractional) the request arrived. */
  time: number;
  /** host:port as in the URL. */
  host: string;
  site: 'ar' | 'en' | 'mixed';
  method: string;
  /** Path and query as requested. */
  path: string;
  /** 0 until the response finished (or when the connection was cut). */
  status: number;
  userAgent: string;
  ifNoneMatch: string | undefined;
  ifModifiedSince: string | undefined;
}

export interface SiteArticle {
  url: string;
  host: 'ar' | 'en' | 'mixed';
  path: string;
  title: string;
  paragraphs: string[];
  language: string;
  published: string;
  modified: string;
  encoding: 'utf-8' | 'windows-1256';
  etag: string;
  lastModified: string;
  version: number;
}

export interface TestSite {
  mode: 'ips' | 'ports';
  /** Origins of ar, en, mixed, in that order. */
  origins: string[];
  hosts: { ar: string; en: string; mixed: string };
  log: RequestLogEntry[];
  pageSize: number;
  articles(): SiteArticle[];
  article(urlOrPath: string): SiteArticle;
  requests(hostOrName: string): RequestLogEntry[];
  clearLog(): void;
  /** New body (string: paragraphs split on blank lines) and optional title; ETag and Last-Modified change. */
  updateArticle(urlOrPath: string, newBody?: string | string[], change?: { title?: string }): SiteArticle;
  /** A new article on one host, published now: it leads that host's listings, feeds and sitemaps. */
  publishArticle(host: 'ar' | 'en' | 'mixed', change?: { title?: string; paragraphs?: string[] }): SiteArticle;
  close(): Promise<void>;
}

export function startTestSite(options?: TestSiteOptions): Promise<TestSite>;
