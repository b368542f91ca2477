/** Types of the polite HTTP fetcher: its options, its result and what it reports per host. */
import type { AddressGuard } from './address-guard.js';
import type { HostGate } from './host-gate.js';

export type FetchKind = 'page' | 'sitemap' | 'feed' | 'robots';

/** A pino-compatible logger subset; the fetcher never writes to the console itself. */
export interface FetchLogger {
  debug?(obj: object, msg?: string): void;
  info?(obj: object, msg?: string): void;
  warn?(obj: object, msg?: string): void;
}

export interface FetcherOptions {
  /** Default: `marsad/0.1 (+<contact>)`. */
  userAgent?: string;
  /** A URL or e-mail a site owner can reach you at; put in the default User-Agent. */
  contact?: string;
  /** Whole request, headers and body (default 30 000). */
  timeoutMs?: number;
  /** TCP/TLS connect (default 10 000). */
  connectTimeoutMs?: number;
  /** Cap on the body as sent on the wire (default 10 MiB). */
  maxBytes?: number;
  /** Cap on the body after gzip/br/deflate decoding (default 50 MiB). */
  maxDecompressedBytes?: number;
  /** Redirect hops followed per fetch (default 5). */
  maxRedirects?: number;
  /** Minimum gap between request starts to one host (default 1000); robots.txt Crawl-delay raises it. */
  minDelayMs?: number;
  /** Obey robots.txt (default true). */
  respectRobots?: boolean;
  /** Retries after a retryable failure (default 3). */
  maxRetries?: number;
  /** First backoff step; doubles each retry, full jitter (default 1000). */
  retryBaseDelayMs?: number;
  /** A Retry-After longer than this is not waited for: the fetch fails with FetchError.retryAfterMs set (default 120 000). */
  maxRetryAfterMs?: number;
  /** Requests in flight over all hosts (default 16). */
  concurrency?: number;
  /** Requests in flight per host (default 1). */
  maxPerHost?: number;
  /**
   * Body is read only for content types this accepts. Default: HTML, XML, JSON, text or no type;
   * for sitemaps and feeds also gzip and octet-stream (`.xml.gz` files).
   */
  acceptBody?: (contentType: string | null, kind: FetchKind) => boolean;
  logger?: FetchLogger;
  /**
   * Refuse to connect to loopback, private, link-local and other special addresses (checked on
   * every connection, redirects included). For URLs that came from someone else (the HTTP API).
   */
  addressGuard?: AddressGuard;
  /** Also asked before every request (after the fetcher's own per-host turn): politeness shared with other processes. */
  hostGate?: HostGate;
}

export interface FetchOptions {
  /** Sent as If-None-Match. */
  etag?: string;
  /** Sent as If-Modified-Since. */
  lastModified?: string;
  /** What the caller expects; only used in logs and to pick the Accept header. */
  kind?: FetchKind;
}

export interface FetchResult {
  /** The URL asked for. */
  url: string;
  /** The URL that answered after redirects. */
  finalUrl: string;
  status: number;
  /** Lower-cased names; repeated headers joined with ", " (set-cookie with "\n"). */
  headers: Record<string, string>;
  /** The media type without parameters, lower-cased, e.g. "text/html". */
  contentType: string | null;
  /**
   * The body after content decoding; empty when notModified or the body was skipped. A gzip
   * file fetched as a sitemap or feed (`.xml.gz`) is gunzipped too, within maxDecompressedBytes.
   */
  bytes: Buffer;
  /** Decoded text for HTML, XML, JSON and text types; null for others (PDF, images…). Decoded on first read. */
  readonly text: string | null;
  /** The WHATWG encoding name used for `text` (reading it decodes the body too). */
  readonly encoding: string | null;
  /**
   * How to get `text` from `bytes` elsewhere (a worker thread) without reading `text` here:
   * `decodeBody(bytes, decodeAs.contentType)`. Null when there is no text; absent in results
   * not made by the fetcher (read `text` then).
   */
  decodeAs?: { contentType: string | null } | null;
  /** The server answered 304 to a conditional GET. */
  notModified: boolean;
  /** The content type was not accepted (see FetcherOptions.acceptBody); bytes is empty. */
  bodySkipped: boolean;
  /** ISO 8601 time the final response started arriving. */
  fetchedAt: string;
  /** From the first request to the end of the body, waits for politeness excluded. */
  elapsedMs: number;
  /** Every URL that answered with a redirect, in order (the first is `url`); empty without redirects. */
  redirects: string[];
  /** Attempts made for the final URL (1 without retries). */
  attempts: number;
}

export interface RobotsInfo {
  origin: string;
  /** HTTP status of robots.txt (0 when unreachable). */
  status: number;
  /** `Sitemap:` lines, absolute URLs. */
  sitemaps: string[];
  /** Crawl-delay for our user-agent (or *), in milliseconds. */
  crawlDelayMs: number | undefined;
  isAllowed(url: string): boolean;
  /** Set when the host could not be reached for robots.txt: why (the host is down, not blocking us). */
  unreachable?: string;
}

export interface HostStatus {
  host: string;
  inFlight: number;
  waiting: number;
  /** Epoch ms before which the next request to this host will not start. */
  nextStartAt: number;
  delayMs: number;
}

export interface Fetcher {
  fetch(url: string, opts?: FetchOptions): Promise<FetchResult>;
  /** robots.txt of an origin (`https://host[:port]`), fetched once and cached. */
  robots(origin: string): Promise<RobotsInfo>;
  /** Per-host queue state, for progress displays. */
  hostStatus(): HostStatus[];
  /** Rejects waiting requests, aborts running ones and closes connections. */
  close(): Promise<void>;
  readonly userAgent: string;
}
