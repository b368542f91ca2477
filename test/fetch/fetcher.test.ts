// The fetcher against the loopback site's awkward endpoints: retries and Retry-After, size and
// decompression caps, redirects, timeouts, charsets, content codings, conditional GET.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  createFetcher,
  FetchError,
  TimeoutError,
  TooLargeError,
  TooManyRedirectsError,
  InvalidUrlError,
  FetcherClosedError,
  type Fetcher,
} from '../../src/index.js';
import { startTestSite, type TestSite } from '../site/server.mjs';

let site: TestSite;
let fetcher: Fetcher;
let h: string;
beforeAll(async () => {
  site = await startTestSite({ crawlDelaySec: 0 });
  h = site.hosts.mixed;
  fetcher = createFetcher({ minDelayMs: 0, retryBaseDelayMs: 50, timeoutMs: 5000 });
});
afterAll(async () => {
  await fetcher.close();
  await site.close();
});

const hits = (path: string) => site.log.filter((r) => r.site === 'mixed' && r.path === path);

describe('retries', () => {
  it('waits for Retry-After on 429, then succeeds', async () => {
    const path = '/h/flaky?status=429&key=ra&times=1&after=1';
    const res = await fetcher.fetch(h + path);
    expect(res.status).toBe(200);
    expect(res.attempts).toBe(2);
    const [first, second] = hits(path);
    expect(second!.time - first!.time).toBeGreaterThanOrEqual(1000);
  });

  it('accepts Retry-After as an HTTP date', async () => {
    const path = '/h/flaky?status=503&key=date&times=1&after=2&date=1';
    const res = await fetcher.fetch(h + path);
    expect(res.attempts).toBe(2);
    const [first, second] = hits(path);
    // HTTP dates have one-second resolution: at least one second passes.
    expect(second!.time - first!.time).toBeGreaterThanOrEqual(1000);
  });

  it('backs off and retries a 503 without Retry-After', async () => {
    const res = await fetcher.fetch(`${h}/h/flaky?status=503&key=b&times=2`);
    expect(res.status).toBe(200);
    expect(res.attempts).toBe(3);
  });

  it('gives up after maxRetries with a retryable FetchError', async () => {
    const f = createFetcher({ minDelayMs: 0, retryBaseDelayMs: 10, maxRetries: 2 });
    const path = '/h/flaky?status=500&key=c&times=10';
    const err = await f.fetch(h + path).catch((e: unknown) => e);
    await f.close();
    expect(err).toBeInstanceOf(FetchError);
    expect((err as FetchError).status).toBe(500);
    expect((err as FetchError).retryable).toBe(true);
    expect(hits(path)).toHaveLength(3);
  });

  it('does not wait for an unreasonable Retry-After; reports it instead', async () => {
    const path = '/h/flaky?status=429&key=long&times=5&after=3600';
    const err = await fetcher.fetch(h + path).catch((e: unknown) => e);
    expect(err).toBeInstanceOf(FetchError);
    expect((err as FetchError).retryAfterMs).toBe(3_600_000);
    expect(hits(path)).toHaveLength(1);
  });

  it('does not retry a 404 and says what happened', async () => {
    const url = `${h}/h/status/404`;
    const err = await fetcher.fetch(url).catch((e: unknown) => e);
    expect(err).toBeInstanceOf(FetchError);
    expect((err as Error).message).toBe(`[GET] "${url}": 404 Not Found`);
    expect((err as FetchError).retryable).toBe(false);
    expect(hits('/h/status/404')).toHaveLength(1);
  });
});

describe('limits', () => {
  it('stops a streamed body at maxBytes', async () => {
    const f = createFetcher({ minDelayMs: 0, maxBytes: 1 << 20 });
    await expect(f.fetch(`${h}/h/huge?mb=8`)).rejects.toThrow(TooLargeError);
    await expect(f.fetch(`${h}/h/huge?mb=8&cl=1`)).rejects.toThrow(/body exceeds 1048576 bytes; raise maxBytes/);
    await f.close();
  });

  it('stops a gzip bomb at maxDecompressedBytes', async () => {
    const err = await fetcher.fetch(`${h}/h/bomb.html`).catch((e: unknown) => e);
    expect(err).toBeInstanceOf(TooLargeError);
    expect((err as Error).message).toMatch(/decompressed body exceeds 52428800 bytes; raise maxDecompressedBytes/);
  });

  it('times out a slow server and a hanging one', async () => {
    const f = createFetcher({ minDelayMs: 0, timeoutMs: 300, maxRetries: 0 });
    await expect(f.fetch(`${h}/h/slow?ms=3000`)).rejects.toThrow(TimeoutError);
    await expect(f.fetch(`${h}/h/slow-body?ms=3000`)).rejects.toThrow(/timed out after 300 ms; raise timeoutMs/);
    await expect(f.fetch(`${h}/h/hang`)).rejects.toThrow(TimeoutError);
    await f.close();
  });

  it('rejects non-http URLs before any request', async () => {
    await expect(fetcher.fetch('ftp://example.org/x')).rejects.toThrow(InvalidUrlError);
    await expect(fetcher.fetch('not a url')).rejects.toThrow(InvalidUrlError);
  });
});

describe('redirects', () => {
  it('follows a chain, recording every hop', async () => {
    const res = await fetcher.fetch(`${h}/h/redirect/3`);
    expect(res.status).toBe(200);
    expect(res.redirects).toEqual([3, 2, 1, 0].map((n) => `${h}/h/redirect/${n}`));
    expect(res.finalUrl).toBe(site.articles().find((a) => a.host === 'mixed')!.url);
  });

  it('stops after maxRedirects and on loops', async () => {
    const f = createFetcher({ minDelayMs: 0, maxRedirects: 2 });
    await expect(f.fetch(`${h}/h/redirect/3`)).rejects.toThrow(/more than 2 redirects/);
    await f.close();
    const err = await fetcher.fetch(`${h}/h/loop/a`).catch((e: unknown) => e);
    expect(err).toBeInstanceOf(TooManyRedirectsError);
    expect((err as Error).message).toMatch(/redirect loop/);
  });

  it('follows a redirect to another host', async () => {
    const res = await fetcher.fetch(`${h}/h/redirect-cross`);
    expect(new URL(res.finalUrl).origin).toBe(site.hosts.en);
  });
});

describe('bodies', () => {
  it('decodes windows-1256 pages with and without the HTTP charset', async () => {
    const legacy = site.articles().filter((a) => a.encoding === 'windows-1256');
    expect(legacy).toHaveLength(2);
    for (const a of legacy) {
      const res = await fetcher.fetch(a.url);
      expect(res.encoding).toBe('windows-1256');
      expect(res.text).toContain(a.title);
      expect(res.text).toContain(a.paragraphs[1]);
    }
  });

  it('decodes gzip, br and deflate', async () => {
    for (const host of ['ar', 'en', 'mixed'] as const) {
      const a = site.articles().find((x) => x.host === host && x.encoding === 'utf-8')!;
      const res = await fetcher.fetch(a.url);
      expect(res.headers['content-encoding']).toBe({ ar: 'gzip', en: 'br', mixed: 'deflate' }[host]);
      expect(res.contentType).toBe('text/html');
      expect(res.text).toContain(a.title);
    }
  });

  it('skips the body of a PDF at an article-like URL', async () => {
    const res = await fetcher.fetch(`${h}/news/2025/10/27/annual-report-2025`);
    expect(res.contentType).toBe('application/pdf');
    expect(res.bodySkipped).toBe(true);
    expect(res.text).toBeNull();
    expect(res.bytes.length).toBe(0);
  });

  it('answers a conditional GET with notModified, and a changed article with its new text', async () => {
    const a = site.articles().find((x) => x.host === 'ar')!;
    const first = await fetcher.fetch(a.url);
    const etag = first.headers.etag!;
    const lastModified = first.headers['last-modified']!;
    const again = await fetcher.fetch(a.url, { etag, lastModified });
    expect(again.notModified).toBe(true);
    expect(again.status).toBe(304);
    expect(again.bytes.length).toBe(0);
    expect((await fetcher.fetch(a.url, { lastModified })).notModified).toBe(true);
    site.updateArticle(a.url, 'فقرة جديدة تماما بعد التحديث.\n\nوفقرة ثانية.');
    const changed = await fetcher.fetch(a.url, { etag, lastModified });
    expect(changed.notModified).toBe(false);
    expect(changed.text).toContain('فقرة جديدة تماما بعد التحديث.');
    expect(changed.headers.etag).not.toBe(etag);
  });

  it('rejects waiting requests on close', async () => {
    const f = createFetcher({ minDelayMs: 60_000, respectRobots: false });
    const first = f.fetch(`${site.hosts.en}/`);
    await first;
    const waiting = f.fetch(`${site.hosts.en}/world/`);
    await f.close();
    await expect(waiting).rejects.toThrow(FetcherClosedError);
  });
});
