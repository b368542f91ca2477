/**
 * The polite fetcher: robots.txt, per-host politeness under a global concurrency cap,
 * retries with backoff and Retry-After, redirects followed by hand (each hop counted,
 * robots-checked and politeness-scheduled), size caps, timeouts and charset decoding.
 */
import { Agent } from 'undici';
import type { Dispatcher } from 'undici';
import {
  FetchError,
  FetcherClosedError,
  InvalidUrlError,
  MarsadError,
  NetworkError,
  RobotsDisallowedError,
  HostUnreachableError,
  TimeoutError,
  TooLargeError,
  TooManyRedirectsError,
} from '../errors.js';
import { decodeBody, hasText, mediaType, textKindOf } from './decode-body.js';
import { HostScheduler, type Slot } from './host-scheduler.js';
import { maybeGunzip, readBody } from './read-body.js';
import { backoffMs, isRetryableError, isRetryableStatus, parseRetryAfter } from './retry.js';
import { RobotsCache, type RobotsFile } from './robots.js';
import type { FetchKind, FetchOptions, FetchResult, Fetcher, FetcherOptions } from './types.js';

export const DEFAULT_CONTACT = 'https://github.com/marsad';

const ACCEPT: Record<FetchKind, string> = {
  page: 'text/html,application/xhtml+xml;q=0.9,*/*;q=0.5',
  sitemap: 'application/xml,text/xml;q=0.9,*/*;q=0.5',
  feed: 'application/rss+xml,application/atom+xml,application/feed+json,application/xml;q=0.9,*/*;q=0.5',
  robots: 'text/plain,*/*;q=0.5',
};

const ROBOTS_MAX_BYTES = 512 * 1024;

type Resolved = Required<Omit<FetcherOptions, 'logger' | 'contact' | 'userAgent' | 'addressGuard' | 'hostGate'>> & Pick<FetcherOptions, 'logger'> & { userAgent: string };

function resolveOptions(o: FetcherOptions): Resolved {
  return {
    userAgent: o.userAgent ?? `marsad/0.1 (+${o.contact ?? DEFAULT_CONTACT})`,
    timeoutMs: o.timeoutMs ?? 30_000,
    connectTimeoutMs: o.connectTimeoutMs ?? 10_000,
    maxBytes: o.maxBytes ?? 10 * 1024 * 1024,
    maxDecompressedBytes: o.maxDecompressedBytes ?? 50 * 1024 * 1024,
    maxRedirects: o.maxRedirects ?? 5,
    minDelayMs: o.minDelayMs ?? 1000,
    respectRobots: o.respectRobots ?? true,
    maxRetries: o.maxRetries ?? 3,
    retryBaseDelayMs: o.retryBaseDelayMs ?? 1000,
    maxRetryAfterMs: o.maxRetryAfterMs ?? 120_000,
    concurrency: o.concurrency ?? 16,
    maxPerHost: o.maxPerHost ?? 1,
    acceptBody: o.acceptBody ?? defaultAcceptBody,
    logger: o.logger,
  };
}

const GZIP_TYPES = new Set(['application/gzip', 'application/x-gzip', 'application/octet-stream', 'binary/octet-stream']);

function defaultAcceptBody(contentType: string | null, kind: FetchKind): boolean {
  const type = mediaType(contentType);
  if (type === null || textKindOf(type) !== null) return true;
  return (kind === 'sitemap' || kind === 'feed') && GZIP_TYPES.has(type);
}

/** The type to decode a body as: a gunzipped sitemap or feed file is XML (or JSON Feed). */
function textTypeFor(contentType: string | null, kind: FetchKind, bytes: Buffer): string | null {
  if ((kind !== 'sitemap' && kind !== 'feed') || !GZIP_TYPES.has(mediaType(contentType) ?? '')) return contentType;
  return bytes.subarray(0, 64).toString('latin1').trimStart().startsWith('{') ? 'application/json' : 'application/xml';
}

/**
 * Adds `text` and `encoding` to `result`, decoded on first read (getters: spreading the
 * result decodes it). Decoding a 100 KB page costs 1–2 ms of CPU; a crawler that hands the
 * bytes to a worker thread never pays it on its I/O thread.
 * `textType` undefined: no body to decode (304, skipped body).
 */
function withLazyText(result: Omit<FetchResult, 'text' | 'encoding'>, textType: string | null | undefined): FetchResult {
  let decoded: { text: string; encoding: string } | null | undefined = textType === undefined ? null : undefined;
  const decode = (): { text: string; encoding: string } | null => (decoded === undefined ? (decoded = decodeBody(result.bytes, textType ?? null)) : decoded);
  return Object.defineProperties(result, {
    text: { enumerable: true, get: () => decode()?.text ?? null },
    encoding: { enumerable: true, get: () => decode()?.encoding ?? null },
  }) as FetchResult;
}

/** The product token robots.txt groups are matched against: "marsad" in "marsad/0.1 (+…)". */
function agentToken(userAgent: string): string {
  return /^[^/\s]+/.exec(userAgent)?.[0] ?? userAgent;
}

function parseHttpUrl(url: string, base?: URL): URL {
  let parsed: URL;
  try {
    parsed = new URL(url, base);
  } catch (err) {
    throw new InvalidUrlError(url, 'not a valid URL', { cause: err });
  }
  if (parsed.protocol !== 'http:' && parsed.protocol !== 'https:') {
    throw new InvalidUrlError(parsed.href, `unsupported scheme "${parsed.protocol}"; only http and https are fetched`);
  }
  parsed.hash = '';
  return parsed;
}

function flattenHeaders(raw: Dispatcher.ResponseData['headers']): Record<string, string> {
  const out: Record<string, string> = {};
  for (const [name, value] of Object.entries(raw)) {
    if (value === undefined) continue;
    out[name.toLowerCase()] = Array.isArray(value) ? value.join(name.toLowerCase() === 'set-cookie' ? '\n' : ', ') : value;
  }
  return out;
}

const sleep = (ms: number): Promise<void> => new Promise((resolve) => setTimeout(resolve, ms));

/** One HTTP exchange, before retry and redirect logic. */
interface Exchange {
  status: number;
  statusText: string;
  headers: Record<string, string>;
  bytes: Buffer;
  bodySkipped: boolean;
  headersAt: number;
  activeMs: number;
}

export function createFetcher(options: FetcherOptions = {}): Fetcher {
  const opts = resolveOptions(options);
  const log = opts.logger;
  const token = agentToken(opts.userAgent);
  const agent = new Agent({
    connections: opts.maxPerHost,
    pipelining: 1,
    keepAliveTimeout: 30_000,
    // With a guard, every connection (each redirect hop, each retry) has its address checked as it opens.
    connect: options.addressGuard ? options.addressGuard.connector({ timeout: opts.connectTimeoutMs }) : { timeout: opts.connectTimeoutMs },
    headersTimeout: opts.timeoutMs,
    bodyTimeout: opts.timeoutMs,
  });
  const scheduler = new HostScheduler(opts.concurrency, opts.maxPerHost);
  const running = new Set<AbortController>();
  let closed = false;

  /** One request to `url`, holding the host's turn (and the gate's, when there is one) from start to the end of the body. */
  async function exchange(url: URL, kind: FetchKind, headers: Record<string, string>, delayMs: number, caps: { maxBytes: number }): Promise<Exchange> {
    const slot = await scheduler.acquire(url.host, delayMs, url.href);
    if (!options.hostGate) return exchangeInTurn(url, kind, headers, caps, slot);
    let leaveGate: () => Promise<void>;
    try {
      leaveGate = await options.hostGate.enter(url.host, delayMs);
    } catch (err) {
      slot.release();
      throw err instanceof FetcherClosedError ? new FetcherClosedError(url.href, { cause: err }) : err;
    }
    try {
      return await exchangeInTurn(url, kind, headers, caps, slot);
    } finally {
      // After the response: the gate measures the next request's delay from here (see store/postgres/host-slots.ts).
      await leaveGate().catch((err: unknown) => log?.warn?.({ url: url.href, err }, 'could not give the host slot back (it expires by itself)'));
    }
  }

  async function exchangeInTurn(url: URL, kind: FetchKind, headers: Record<string, string>, caps: { maxBytes: number }, slot: Slot): Promise<Exchange> {
    const controller = new AbortController();
    running.add(controller);
    let timedOut = false;
    const timer = setTimeout(() => {
      timedOut = true;
      controller.abort();
    }, opts.timeoutMs);
    let headersAt: number | undefined;
    try {
      const res = await agent.request({
        origin: url.origin,
        path: `${url.pathname}${url.search}`,
        method: 'GET',
        headers: { 'user-agent': opts.userAgent, 'accept-encoding': 'gzip, deflate, br', accept: ACCEPT[kind], ...headers },
        signal: controller.signal,
      });
      headersAt = Date.now();
      const flat = flattenHeaders(res.headers);
      const base = { status: res.statusCode, statusText: res.statusText ?? '', headers: flat, headersAt };
      const type = flat['content-type'] ?? null;
      const hasBody = res.statusCode >= 200 && res.statusCode < 300 && res.statusCode !== 204;
      if (!hasBody || !opts.acceptBody(type, kind)) {
        await res.body.dump({ limit: 64 * 1024 }).catch(() => undefined);
        return { ...base, bytes: Buffer.alloc(0), bodySkipped: hasBody, activeMs: Date.now() - slot.startedAt };
      }
      const declared = Number(flat['content-length']);
      if (Number.isFinite(declared) && declared > caps.maxBytes && !flat['content-encoding']) {
        res.body.destroy();
        throw new TooLargeError(url.href, 'body', caps.maxBytes, 'maxBytes');
      }
      let bytes = await readBody(res.body, {
        url: url.href,
        contentEncoding: flat['content-encoding'],
        maxBytes: caps.maxBytes,
        maxDecompressedBytes: opts.maxDecompressedBytes,
      });
      // A `.xml.gz` sitemap or feed: gzip is the file's format here, not a Content-Encoding.
      if (kind === 'sitemap' || kind === 'feed') bytes = gunzipFile(bytes, url.href);
      return { ...base, bytes, bodySkipped: false, activeMs: Date.now() - slot.startedAt };
    } catch (err) {
      throw translateError(err, url.href, timedOut);
    } finally {
      clearTimeout(timer);
      running.delete(controller);
      slot.release({ contactAt: headersAt ?? Date.now() });
    }
  }

  function gunzipFile(bytes: Buffer, url: string): Buffer {
    try {
      return maybeGunzip(bytes, opts.maxDecompressedBytes);
    } catch (err) {
      if (err instanceof TooLargeError) throw new TooLargeError(url, 'decompressed body', opts.maxDecompressedBytes, 'maxDecompressedBytes');
      throw new MarsadError('CONTENT_ENCODING', `[GET] "${url}": gzip file is corrupt`, { cause: err, subject: url });
    }
  }

  function translateError(err: unknown, url: string, timedOut: boolean): unknown {
    if (err instanceof MarsadError) return err;
    if (closed) return new FetcherClosedError(url, { cause: err });
    if (timedOut) return new TimeoutError(url, 'request', opts.timeoutMs, 'timeoutMs', { cause: err });
    const code = (err as { code?: unknown } | null)?.code;
    if (code === 'UND_ERR_CONNECT_TIMEOUT') return new TimeoutError(url, 'connect', opts.connectTimeoutMs, 'connectTimeoutMs', { cause: err });
    if (code === 'UND_ERR_HEADERS_TIMEOUT' || code === 'UND_ERR_BODY_TIMEOUT') {
      return new TimeoutError(url, 'request', opts.timeoutMs, 'timeoutMs', { cause: err });
    }
    const reason = typeof code === 'string' ? code : err instanceof Error ? err.message : String(err);
    return new NetworkError(url, reason, { cause: err });
  }

  /** One URL with retries; returns the final exchange (which may be a redirect or a 304). */
  async function exchangeWithRetries(url: URL, kind: FetchKind, headers: Record<string, string>, delayMs: number, caps: { maxBytes: number }): Promise<Exchange & { attempts: number; activeTotalMs: number }> {
    let activeTotalMs = 0;
    for (let attempt = 0; ; attempt++) {
      let waitMs: number;
      try {
        const ex = await exchange(url, kind, headers, delayMs, caps);
        activeTotalMs += ex.activeMs;
        if (!isRetryableStatus(ex.status)) return { ...ex, attempts: attempt + 1, activeTotalMs };
        const retryAfterMs = parseRetryAfter(ex.headers['retry-after']);
        const fail = new FetchError(url.href, ex.status, ex.statusText, retryAfterMs === undefined ? {} : { retryAfterMs });
        if (attempt >= opts.maxRetries || (retryAfterMs ?? 0) > opts.maxRetryAfterMs) throw fail;
        waitMs = Math.max(retryAfterMs ?? 0, backoffMs(attempt, opts.retryBaseDelayMs));
        // 429 and 503 speak for the whole host: hold every request to it, not just this one.
        if (ex.status === 429 || ex.status === 503) scheduler.block(url.host, Date.now() + waitMs);
        log?.debug?.({ url: url.href, status: ex.status, attempt, waitMs }, 'retrying');
      } catch (err) {
        if (!isRetryableError(err) || err instanceof FetchError || err instanceof FetcherClosedError || attempt >= opts.maxRetries) throw err;
        waitMs = backoffMs(attempt, opts.retryBaseDelayMs);
        log?.debug?.({ url: url.href, err: (err as Error).message, attempt, waitMs }, 'retrying');
      }
      await sleep(waitMs);
      if (closed) throw new FetcherClosedError(url.href);
    }
  }

  async function loadRobots(origin: string): Promise<RobotsFile> {
    let url = parseHttpUrl(`${origin}/robots.txt`);
    for (let hop = 0; hop <= 5; hop++) {
      const ex = await exchangeWithRetries(url, 'robots', {}, opts.minDelayMs, { maxBytes: ROBOTS_MAX_BYTES }).catch((err: unknown) => {
        if (err instanceof TooLargeError) throw err;
        if (err instanceof FetchError) return { status: err.status, headers: {}, bytes: Buffer.alloc(0) } as unknown as Exchange;
        throw err;
      });
      const location = ex.headers.location;
      if (ex.status >= 300 && ex.status < 400 && location) {
        url = parseHttpUrl(location, url);
        continue;
      }
      return { status: ex.status, text: ex.bytes.toString('utf8'), url: url.href };
    }
    return { status: 404, text: '', url: url.href };
  }

  const robotsCache = new RobotsCache(loadRobots, token);

  async function hostDelay(url: URL): Promise<number> {
    if (!opts.respectRobots) return opts.minDelayMs;
    const robots = await robotsCache.get(url.origin);
    // A host that does not answer at all is down, not blocking us: say so, and let the caller retry later.
    if (robots.unreachable !== undefined) throw new HostUnreachableError(url.href, `robots.txt could not be fetched: ${robots.unreachable}`);
    if (!robots.isAllowed(url.href)) {
      const reason = robots.status >= 200 && robots.status < 300
        ? `disallowed by ${url.origin}/robots.txt for user-agent "${token}"`
        : `robots.txt could not be read (status ${robots.status}); RFC 9309 says to assume everything is disallowed`;
      throw new RobotsDisallowedError(url.href, reason, { retryable: !(robots.status >= 200 && robots.status < 300) });
    }
    return Math.max(opts.minDelayMs, robots.crawlDelayMs ?? 0);
  }

  async function fetchUrl(input: string, fetchOpts: FetchOptions = {}): Promise<FetchResult> {
    if (closed) throw new FetcherClosedError(input);
    const kind = fetchOpts.kind ?? 'page';
    const conditional: Record<string, string> = {};
    if (fetchOpts.etag) conditional['if-none-match'] = fetchOpts.etag;
    if (fetchOpts.lastModified) conditional['if-modified-since'] = fetchOpts.lastModified;
    let current = parseHttpUrl(input);
    const redirects: string[] = [];
    const seen = new Set([current.href]);
    let elapsedMs = 0;
    for (;;) {
      const delayMs = await hostDelay(current);
      const ex = await exchangeWithRetries(current, kind, conditional, delayMs, { maxBytes: opts.maxBytes });
      elapsedMs += ex.activeTotalMs;
      const location = ex.headers.location;
      if (ex.status >= 300 && ex.status < 400 && ex.status !== 304 && location) {
        redirects.push(current.href);
        const next = parseHttpUrl(location, current);
        if (seen.has(next.href)) throw new TooManyRedirectsError(input, [...redirects, next.href], 'redirect loop');
        if (redirects.length > opts.maxRedirects) {
          throw new TooManyRedirectsError(input, [...redirects, next.href], `more than ${opts.maxRedirects} redirects; raise maxRedirects to follow them`);
        }
        seen.add(next.href);
        current = next;
        continue;
      }
      const notModified = ex.status === 304;
      if (!notModified && (ex.status < 200 || ex.status >= 300)) {
        const retryAfterMs = parseRetryAfter(ex.headers['retry-after']);
        throw new FetchError(current.href, ex.status, ex.statusText, retryAfterMs === undefined ? {} : { retryAfterMs });
      }
      const contentType = ex.headers['content-type'] ?? null;
      const textType = notModified || ex.bodySkipped ? undefined : textTypeFor(contentType, kind, ex.bytes);
      log?.debug?.({ url: current.href, status: ex.status, bytes: ex.bytes.length, kind }, 'fetched');
      return withLazyText({
        url: input,
        finalUrl: current.href,
        status: ex.status,
        headers: ex.headers,
        contentType: mediaType(contentType),
        bytes: ex.bytes,
        decodeAs: textType === undefined || !hasText(ex.bytes, textType) ? null : { contentType: textType },
        notModified,
        bodySkipped: ex.bodySkipped,
        fetchedAt: new Date(ex.headersAt).toISOString(),
        elapsedMs,
        redirects,
        attempts: ex.attempts,
      }, textType);
    }
  }

  return {
    userAgent: opts.userAgent,
    fetch: fetchUrl,
    robots: (origin: string) => robotsCache.get(parseHttpUrl(origin).origin),
    hostStatus: () => scheduler.status(),
    async close() {
      if (closed) return;
      closed = true;
      for (const c of running) c.abort();
      options.hostGate?.close();
      await agent.destroy().catch(() => undefined);
      // Waiting requests are rejected last, as close() settles, so a caller that awaits
      // close() and then its pending fetches sees their rejections handled, not unhandled.
      scheduler.close();
    },
  };
}
