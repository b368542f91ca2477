import { gzipSync } from 'node:zlib';
import { describe, expect, it } from 'vitest';
import { FEED_GUESS_PATHS, extractLinkDetails, extractLinks, findCanonicalLink, findFeedLinks, maybeGunzip, parseFeed, parseSitemap, TooLargeError } from '../../src/index.js';

const base = 'https://example.com/sitemap.xml';

describe('parseSitemap', () => {
  it('reads a urlset with lastmod, ignoring image tags, and decodes &amp; once', () => {
    const xml = `<?xml version="1.0" encoding="UTF-8"?>
<urlset xmlns="http://www.sitemaps.org/schemas/sitemap/0.9" xmlns:image="http://www.google.com/schemas/sitemap-image/1.1">
<url><loc>https://example.com/a?x=1&amp;y=2</loc><lastmod>2025-10-28T10:00:00+03:00</lastmod><image:image><image:loc>https://example.com/i.jpg</image:loc></image:image></url>
<url><loc> /relative/path </loc></url>
<url><loc>javascript:alert(1)</loc></url>
</urlset>`;
    expect(parseSitemap(xml, base)).toEqual({
      urls: [{ url: 'https://example.com/a?x=1&y=2', lastmod: '2025-10-28T10:00:00+03:00' }, { url: 'https://example.com/relative/path' }],
      sitemaps: [],
    });
  });

  it('reads a sitemap index', () => {
    const xml = `<sitemapindex xmlns="http://www.sitemaps.org/schemas/sitemap/0.9"><sitemap><loc>https://example.com/s1.xml</loc></sitemap><sitemap><loc>https://example.com/s2.xml.gz</loc><lastmod>2025-10-01</lastmod></sitemap></sitemapindex>`;
    expect(parseSitemap(xml, base)).toEqual({
      urls: [],
      sitemaps: ['https://example.com/s1.xml', 'https://example.com/s2.xml.gz'],
      sitemapLastmods: { 'https://example.com/s2.xml.gz': '2025-10-01' },
    });
  });

  it('keeps Google News publication date, title and language as hints', () => {
    const xml = `<urlset xmlns="http://www.sitemaps.org/schemas/sitemap/0.9" xmlns:news="http://www.google.com/schemas/sitemap-news/0.9">
<url><loc>https://example.com/news/1</loc><news:news><news:publication><news:name>مرصد</news:name><news:language>ar</news:language></news:publication>
<news:publication_date>2025-10-28T16:32:00+03:00</news:publication_date><news:title><![CDATA[وزير الخارجية & نظيره]]></news:title></news:news></url></urlset>`;
    expect(parseSitemap(xml, base).urls).toEqual([
      { url: 'https://example.com/news/1', news: { publicationDate: '2025-10-28T16:32:00+03:00', title: 'وزير الخارجية & نظيره', language: 'ar' } },
    ]);
  });

  it('keeps what it can from a truncated file', () => {
    const xml = `<urlset><url><loc>https://example.com/1</loc></url><url><loc>https://example.com/2</loc></url><url><loc>https://exa`;
    expect(parseSitemap(xml, base).urls.map((u) => u.url)).toEqual(['https://example.com/1', 'https://example.com/2']);
  });

  it('does not expand a billion-laughs DOCTYPE', () => {
    const lol = Array.from({ length: 9 }, (_, i) => `<!ENTITY lol${i + 1} "${`&lol${i};`.repeat(10)}">`).join('\n');
    const xml = `<?xml version="1.0"?><!DOCTYPE lolz [<!ENTITY lol0 "lol">${lol}]><urlset><url><loc>https://example.com/&lol9;</loc></url><url><loc>https://example.com/ok</loc></url></urlset>`;
    const out = parseSitemap(xml, base);
    expect(out.urls.map((u) => u.url)).toContain('https://example.com/ok');
    expect(JSON.stringify(out).length).toBeLessThan(1000);
  });

  it('survives garbage, deep nesting and a large file', () => {
    expect(parseSitemap('garbage <<< not xml', base)).toEqual({ urls: [], sitemaps: [] });
    expect(parseSitemap('<a>'.repeat(200_000), base)).toEqual({ urls: [], sitemaps: [] });
    const many = `<urlset>${Array.from({ length: 50_000 }, (_, i) => `<url><loc>https://example.com/p/${i}</loc></url>`).join('')}</urlset>`;
    expect(parseSitemap(many, base).urls).toHaveLength(50_000);
  });
});

describe('maybeGunzip', () => {
  it('gunzips .xml.gz bodies, passes plain ones through, and caps the output', () => {
    const xml = '<urlset><url><loc>https://example.com/1</loc></url></urlset>';
    expect(maybeGunzip(gzipSync(xml), 1 << 20).toString()).toBe(xml);
    expect(maybeGunzip(Buffer.from(xml), 1 << 20).toString()).toBe(xml);
    expect(() => maybeGunzip(gzipSync(Buffer.alloc(5 << 20)), 1 << 20)).toThrow(TooLargeError);
  });
});

describe('parseFeed', () => {
  it('reads RSS 2.0 (CDATA titles, permalink guids, dc:date)', () => {
    const rss = `<?xml version="1.0"?><rss version="2.0" xmlns:atom="http://www.w3.org/2005/Atom" xmlns:dc="http://purl.org/dc/elements/1.1/"><channel><atom:link href="https://example.com/rss" rel="self"/>
<item><title><![CDATA[Title &amp; more]]></title><link>https://example.com/a</link><pubDate>Tue, 28 Oct 2025 13:32:00 GMT</pubDate></item>
<item><title>Guid only</title><guid>https://example.com/b</guid><dc:date>2025-10-27T10:00:00Z</dc:date></item>
<item><title>No link</title><guid isPermaLink="false">x-1</guid></item>
<item><link>/relative</link></item>
</channel></rss>`;
    expect(parseFeed(rss, 'https://example.com/rss').items).toEqual([
      // CDATA merges with text in the parser, so entities inside it are decoded too (what publishers mean).
      { url: 'https://example.com/a', title: 'Title & more', published: 'Tue, 28 Oct 2025 13:32:00 GMT' },
      { url: 'https://example.com/b', title: 'Guid only', published: '2025-10-27T10:00:00Z' },
      { url: 'https://example.com/relative' },
    ]);
  });

  it('reads Atom, preferring the alternate HTML link', () => {
    const atom = `<feed xmlns="http://www.w3.org/2005/Atom"><link rel="self" href="https://example.com/feed.atom"/>
<entry><title type="html">A &amp; B</title><link rel="enclosure" href="https://example.com/i.jpg"/><link rel="alternate" type="text/html" href="https://example.com/a"/><published>2025-10-28T13:32:00Z</published><updated>2025-10-28T14:00:00Z</updated></entry>
<entry><title>One link</title><link href="/b"/></entry></feed>`;
    expect(parseFeed(atom, 'https://example.com/feed.atom').items).toEqual([
      { url: 'https://example.com/a', title: 'A & B', published: '2025-10-28T13:32:00Z', updated: '2025-10-28T14:00:00Z' },
      { url: 'https://example.com/b', title: 'One link' },
    ]);
  });

  it('reads JSON Feed', () => {
    const json = JSON.stringify({ version: 'https://jsonfeed.org/version/1.1', items: [{ id: '1', url: 'https://example.com/a', title: 'A', date_published: '2025-10-28T13:32:00Z', date_modified: '2025-10-29T00:00:00Z' }, { id: 'https://example.com/b' }, { id: 'no-url' }] });
    expect(parseFeed(json, 'https://example.com/feed.json').items).toEqual([
      { url: 'https://example.com/a', title: 'A', published: '2025-10-28T13:32:00Z', updated: '2025-10-29T00:00:00Z' },
      { url: 'https://example.com/b' },
    ]);
  });

  it('returns no items for garbage and for hostile XML', () => {
    expect(parseFeed('{not json', 'https://example.com/').items).toEqual([]);
    expect(parseFeed('<<<', 'https://example.com/').items).toEqual([]);
    const lol = `<!DOCTYPE r [<!ENTITY a "aaaaaaaaaa"><!ENTITY b "&a;&a;&a;&a;&a;&a;&a;&a;&a;&a;"><!ENTITY c "&b;&b;&b;&b;&b;&b;&b;&b;&b;&b;">]><rss><channel><item><title>&c;</title><link>https://example.com/x</link></item></channel></rss>`;
    expect(parseFeed(lol, 'https://example.com/').items).toEqual([{ url: 'https://example.com/x', title: '&c;' }]);
  });

  it('lists the usual feed paths', () => {
    expect(FEED_GUESS_PATHS).toContain('/feed');
    expect(FEED_GUESS_PATHS).toContain('/rss.xml');
  });
});

describe('links', () => {
  const html = `<html><head><base href="https://example.com/news/">
<link rel="alternate" type="application/rss+xml" href="/rss.xml"><link rel="alternate" type="application/atom+xml" href="feed.atom">
<link rel="alternate" hreflang="en" href="/en/"><link rel="canonical" href="https://example.com/news/story"></head>
<body><a href="story-2#top">Two</a><a href="/a?x=1">A</a><a href="mailto:x@example.com">m</a><a href="javascript:void(0)">j</a>
<a rel="nofollow" href="https://ads.example.net/">Ad</a><a href="/a?x=1">A again</a><a href="  https://other.org/x  ">O</a></body></html>`;

  it('resolves anchors against <base>, drops fragments and non-http links, de-duplicates', () => {
    expect(extractLinks(html, 'https://example.com/page')).toEqual([
      'https://example.com/news/story-2',
      'https://example.com/a?x=1',
      'https://ads.example.net/',
      'https://other.org/x',
    ]);
    expect(extractLinkDetails(html, 'https://example.com/page').find((l) => l.url === 'https://ads.example.net/')).toEqual({ url: 'https://ads.example.net/', text: 'Ad', nofollow: true });
  });

  it('finds feeds and the canonical link', () => {
    expect(findFeedLinks(html, 'https://example.com/page')).toEqual(['https://example.com/rss.xml', 'https://example.com/news/feed.atom']);
    expect(findCanonicalLink(html, 'https://example.com/page')).toBe('https://example.com/news/story');
  });
});
