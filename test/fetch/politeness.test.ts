// Politeness as the server sees it: gaps between requests to one host read from the site's
// request log, robots.txt obeyed (Disallow and Crawl-delay), hosts served in parallel.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createFetcher, RobotsDisallowedError } from '../../src/index.js';
import { startTestSite, type RequestLogEntry, type TestSite } from '../site/server.mjs';

let site: TestSite;
beforeAll(async () => {
  site = await startTestSite({ crawlDelaySec: 1 });
});
afterAll(async () => {
  await site.close();
});

/** Smallest gap in ms between consecutive requests in the log entries. */
function minGap(entries: RequestLogEntry[]): number {
  const times = entries.map((e) => e.time).sort((a, b) => a - b);
  let min = Infinity;
  for (let i = 1; i < times.length; i++) min = Math.min(min, times[i]! - times[i - 1]!);
  return min;
}

describe('politeness', () => {
  it('keeps at least minDelayMs between requests to one host, counting robots.txt, while hosts run in parallel', async () => {
    site.clearLog();
    const fetcher = createFetcher({ minDelayMs: 250 });
    const ar = site.articles().filter((a) => a.host === 'ar').slice(0, 4);
    const en = site.articles().filter((a) => a.host === 'en').slice(0, 4);
    const results = await Promise.all([...ar, ...en].map((a) => fetcher.fetch(a.url)));
    await fetcher.close();
    expect(results.every((r) => r.status === 200)).toBe(true);
    const arLog = site.requests('ar');
    const enLog = site.requests('en');
    expect(arLog).toHaveLength(5); // robots.txt + 4 pages
    expect(enLog).toHaveLength(5);
    expect(arLog[0]!.path).toBe('/robots.txt');
    expect(minGap(arLog)).toBeGreaterThanOrEqual(250);
    expect(minGap(enLog)).toBeGreaterThanOrEqual(250);
    // Parallel hosts: the en host's requests did not wait for the ar host to finish.
    expect(enLog[1]!.time).toBeLessThan(arLog[arLog.length - 1]!.time);
  });

  it('never goes below robots.txt Crawl-delay', async () => {
    site.clearLog();
    const fetcher = createFetcher({ minDelayMs: 50 });
    const mixed = site.articles().filter((a) => a.host === 'mixed').slice(0, 3);
    for (const r of await Promise.all(mixed.map((a) => fetcher.fetch(a.url)))) expect(r.status).toBe(200);
    expect((await fetcher.robots(site.hosts.mixed)).crawlDelayMs).toBe(1000);
    await fetcher.close();
    const log = site.requests('mixed');
    expect(log).toHaveLength(4);
    expect(minGap(log)).toBeGreaterThanOrEqual(1000);
  });

  it('obeys robots.txt Disallow without sending the request, and reads Sitemap lines', async () => {
    site.clearLog();
    const fetcher = createFetcher({ minDelayMs: 0 });
    const err = await fetcher.fetch(`${site.hosts.ar}/private/internal-memo`).catch((e: unknown) => e);
    expect(err).toBeInstanceOf(RobotsDisallowedError);
    expect(String((err as Error).message)).toMatch(/^\[GET\] ".*\/private\/internal-memo": disallowed by .*robots\.txt/);
    await expect(fetcher.fetch(`${site.hosts.ar}/search?q=x`)).rejects.toBeInstanceOf(RobotsDisallowedError);
    const robots = await fetcher.robots(site.hosts.ar);
    expect(robots.sitemaps).toEqual([`${site.hosts.ar}/sitemap_index.xml`]);
    expect(robots.isAllowed(`${site.hosts.ar}/section/politics`)).toBe(true);
    await fetcher.close();
    expect(site.requests('ar').map((r) => r.path)).toEqual(['/robots.txt']);
  });

  it('fetches disallowed pages only when respectRobots is false', async () => {
    site.clearLog();
    const fetcher = createFetcher({ minDelayMs: 0, respectRobots: false });
    const res = await fetcher.fetch(`${site.hosts.ar}/private/internal-memo`);
    await fetcher.close();
    expect(res.status).toBe(200);
    expect(site.requests('ar').map((r) => r.path)).toEqual(['/private/internal-memo']);
  });

  it('names marsad and the contact URL in the User-Agent', async () => {
    site.clearLog();
    const fetcher = createFetcher({ minDelayMs: 0, contact: 'https://example.org/crawler' });
    await fetcher.fetch(`${site.hosts.en}/`);
    await fetcher.close();
    expect(site.requests('en').every((r) => r.userAgent === 'marsad/0.1 (+https://example.org/crawler)')).toBe(true);
  });

  it('does not let a slow host stall the others', async () => {
    site.clearLog();
    const fetcher = createFetcher({ minDelayMs: 20, concurrency: 2 });
    const order: string[] = [];
    const slow = fetcher.fetch(`${site.hosts.mixed}/h/slow?ms=2500`).then(() => order.push('slow'));
    await new Promise((r) => setTimeout(r, 50));
    const fast = site.articles().filter((a) => a.host === 'en').slice(0, 3).map((a) => fetcher.fetch(a.url).then(() => order.push('fast')));
    await Promise.all([slow, ...fast]);
    await fetcher.close();
    expect(order).toEqual(['fast', 'fast', 'fast', 'slow']);
  });
});
