// Discovery against the loopback site through the fetcher: robots Sitemap lines, a sitemap
// index with a gzipped child and a Google News sitemap, RSS/Atom/JSON Feed (autodiscovered and
// guessed), and links from home and section pages, classified and trap-checked.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  canonicalizeUrl,
  classifyUrl,
  createFetcher,
  extractLinks,
  FEED_GUESS_PATHS,
  findFeedLinks,
  maybeGunzip,
  parseFeed,
  parseSitemap,
  trapReason,
  type Fetcher,
} from '../../src/index.js';
import { startTestSite, type TestSite } from '../site/server.mjs';

let site: TestSite;
let fetcher: Fetcher;
beforeAll(async () => {
  site = await startTestSite({ crawlDelaySec: 0 });
  fetcher = createFetcher({ minDelayMs: 0 });
});
afterAll(async () => {
  await fetcher.close();
  await site.close();
});

const articleUrls = (host: string) => new Set(site.articles().filter((a) => a.host === host).map((a) => canonicalizeUrl(a.url)));

describe('discovery on the test site', () => {
  it('walks robots.txt → sitemap index → monthly sitemaps (one gzipped) and the news sitemap', async () => {
    const robots = await fetcher.robots(site.hosts.ar);
    const queue = [...robots.sitemaps];
    let gzUrls = 0;
    const found = new Map<string, { news?: { title?: string; language?: string; publicationDate?: string } }>();
    while (queue.length > 0) {
      const url = queue.shift()!;
      const res = await fetcher.fetch(url, { kind: 'sitemap' });
      // The fetcher gunzips .xml.gz files itself; maybeGunzip is there for bytes from elsewhere.
      expect(res.text).not.toBeNull();
      const parsed = parseSitemap(res.text ?? maybeGunzip(res.bytes, 50 << 20).toString('utf8'), res.finalUrl);
      if (url.endsWith('.xml.gz')) gzUrls += parsed.urls.length;
      queue.push(...parsed.sitemaps);
      for (const u of parsed.urls) found.set(canonicalizeUrl(u.url)!, { ...found.get(canonicalizeUrl(u.url)!), ...u });
    }
    expect(gzUrls).toBeGreaterThan(0);
    const expected = [...articleUrls('ar')];
    expect(expected.every((u) => found.has(u!))).toBe(true);
    const newest = site.articles().find((a) => a.host === 'ar')!;
    expect(found.get(canonicalizeUrl(newest.url)!)?.news).toEqual({ title: newest.title, language: 'ar', publicationDate: newest.published });
  });

  it('reads the RSS, Atom and JSON feeds, autodiscovered or guessed', async () => {
    const arHome = await fetcher.fetch(`${site.hosts.ar}/`);
    const arFeeds = findFeedLinks(arHome.text!, arHome.finalUrl);
    expect(arFeeds).toEqual([`${site.hosts.ar}/rss.xml`]);
    const enHome = await fetcher.fetch(`${site.hosts.en}/`);
    const enFeeds = findFeedLinks(enHome.text!, enHome.finalUrl);
    expect(enFeeds).toEqual([`${site.hosts.en}/feed.atom`, `${site.hosts.en}/feed.json`]);
    for (const feedUrl of [...arFeeds, ...enFeeds]) {
      const res = await fetcher.fetch(feedUrl, { kind: 'feed' });
      const items = parseFeed(res.text!, res.finalUrl).items;
      expect(items.length).toBeGreaterThan(5);
      const host = new URL(feedUrl).origin === site.hosts.ar ? 'ar' : 'en';
      expect(items.every((i) => articleUrls(host).has(canonicalizeUrl(i.url)))).toBe(true);
      expect(items.every((i) => i.published)).toBe(true);
    }
    // The mixed host announces no feed; the guessed paths find it.
    const mixedHome = await fetcher.fetch(`${site.hosts.mixed}/`);
    expect(findFeedLinks(mixedHome.text!, mixedHome.finalUrl)).toEqual([]);
    let guessed: string | undefined;
    for (const path of FEED_GUESS_PATHS) {
      const res = await fetcher.fetch(site.hosts.mixed + path, { kind: 'feed' }).catch(() => null);
      if (res && parseFeed(res.text ?? '', res.finalUrl).items.length > 0) {
        guessed = path;
        break;
      }
    }
    expect(guessed).toBe('/feed');
  });

  it('follows home and section pages to every article, leaving traps and disallowed pages out', async () => {
    const host = site.hosts.ar;
    const seen = new Set<string>();
    const articles = new Set<string>();
    const trapped = new Set<string>();
    const queue = [`${host}/`];
    while (queue.length > 0) {
      const url = queue.shift()!;
      const res = await fetcher.fetch(url).catch(() => null);
      if (!res?.text) continue;
      for (const link of extractLinks(res.text, res.finalUrl)) {
        const c = canonicalizeUrl(link);
        if (!c || !c.startsWith(host) || seen.has(c)) continue;
        seen.add(c);
        const trap = trapReason(c);
        if (trap) {
          trapped.add(c);
          continue;
        }
        const kind = classifyUrl(c);
        if (kind === 'article') articles.add(c);
        else if (kind === 'listing') queue.push(c);
      }
    }
    expect([...articleUrls('ar')].filter((u) => !articles.has(u!))).toEqual([]);
    expect([...trapped].some((u) => u.includes('/events/calendar/'))).toBe(true);
    expect(site.requests('ar').some((r) => r.path.startsWith('/private/') || r.path.startsWith('/search'))).toBe(false);
    expect(site.requests('ar').some((r) => r.path.startsWith('/events/'))).toBe(false);
  });
});
