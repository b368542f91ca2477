/**
 * The hostile-input corpus, generated (nothing large is committed): pages, sitemaps and feeds
 * that have broken crawlers and extractors. Each entry says what it is and how it is served.
 * test/hostile/hostile-corpus.test.ts runs every entry through extract, import and the crawler.
 */
import { gzipSync } from 'node:zlib';
import iconv from 'iconv-lite';
import { LAUGHS_DTD } from '../site/hostile.mjs';

export interface HostileEntry {
  /** Also its path on the test server: /h/<name>. */
  name: string;
  bytes: Buffer;
  contentType: string;
  /** Sent as Content-Encoding: gzip (the bytes are the compressed body). */
  gzip?: boolean;
  kind: 'page' | 'sitemap' | 'feed';
}

const ARABIC = 'التقى وزير الخارجية نظيره في القاهرة لبحث التعاون الإقليمي، وقال إن المحادثات كانت بناءة.';

function article(body: string, head = ''): string {
  return `<!doctype html><html lang="ar" dir="rtl"><head><meta charset="utf-8"><title>خبر</title>${head}</head><body><article><h1>وزير الخارجية يلتقي نظيره</h1>${body}</article></body></html>`;
}

const LAUGHS = LAUGHS_DTD;

export function hostileCorpus(): HostileEntry[] {
  const html = 'text/html; charset=utf-8';
  const cyclic = JSON.stringify({
    '@context': 'https://schema.org',
    '@graph': [
      { '@id': '#a', '@type': 'NewsArticle', headline: 'وزير الخارجية يلتقي نظيره', author: { '@id': '#b' }, isPartOf: { '@id': '#a' }, articleBody: 'x'.repeat(10 * 1024 * 1024) },
      { '@id': '#b', '@type': 'Person', name: { '@id': '#b' }, worksFor: { '@id': '#a' } },
    ],
  });
  const longUrl = `https://example.com/${'a'.repeat(100 * 1024)}`;
  return [
    { name: 'empty.html', bytes: Buffer.alloc(0), contentType: html, kind: 'page' },
    { name: 'binary.html', bytes: Buffer.concat([Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]), Buffer.alloc(4096, 7)]), contentType: html, kind: 'page' },
    { name: 'nul-bytes.html', bytes: Buffer.from(`<html><body><p>a\u0000b\u0000c</p></body></html>`), contentType: html, kind: 'page' },
    { name: 'deep-nesting.html', bytes: Buffer.from(article(`${'<div>'.repeat(100_000)}<p>${ARABIC}</p>${'</div>'.repeat(100_000)}`)), contentType: html, kind: 'page' },
    { name: 'unclosed-nesting.html', bytes: Buffer.from(article(`${'<span><b><i>'.repeat(30_000)}<p>${ARABIC}</p>`)), contentType: html, kind: 'page' },
    // 64 MiB of spaces inside an HTML shell: about 64 KB on the wire
    { name: 'gzip-bomb.html', bytes: gzipSync(Buffer.concat([Buffer.from('<html><body><p>'), Buffer.alloc(64 * 1024 * 1024, 0x20), Buffer.from('</p></body></html>')]), { level: 9 }), contentType: html, gzip: true, kind: 'page' },
    { name: 'mislabelled-1256.html', bytes: iconv.encode(article(`<p>${ARABIC}</p>`.repeat(4)), 'windows-1256'), contentType: html, kind: 'page' },
    { name: 'invalid-utf8.html', bytes: Buffer.concat([Buffer.from(article(`<p>${ARABIC}</p>`)), Buffer.from([0xc3, 0x28, 0xa0, 0xa1, 0xe2, 0x28, 0xa1, 0xf0, 0x28, 0x8c, 0xbc, 0xff])]), contentType: html, kind: 'page' },
    { name: 'jsonld-cycles.html', bytes: Buffer.from(article(`<p>${ARABIC}</p>`, `<script type="application/ld+json">${cyclic}</script>`)), contentType: html, kind: 'page' },
    { name: 'long-urls.html', bytes: Buffer.from(article(`<p>${ARABIC}</p><p><a href="${longUrl}">رابط</a></p>`, `<link rel="canonical" href="${longUrl}"><meta property="og:image" content="${longUrl}">`)), contentType: html, kind: 'page' },
    { name: 'laughs-sitemap.xml', bytes: Buffer.from(`${LAUGHS}<urlset xmlns="http://www.sitemaps.org/schemas/sitemap/0.9"><url><loc>https://example.com/&lol9;</loc></url></urlset>`), contentType: 'application/xml', kind: 'sitemap' },
    { name: 'laughs-feed.xml', bytes: Buffer.from(`${LAUGHS}<rss version="2.0"><channel><title>&lol9;</title><item><link>https://example.com/&lol9;</link></item></channel></rss>`), contentType: 'application/rss+xml', kind: 'feed' },
    { name: 'external-entity-feed.xml', bytes: Buffer.from(`<?xml version="1.0"?><!DOCTYPE r [<!ENTITY x SYSTEM "file:///etc/passwd">]><rss version="2.0"><channel><item><link>https://example.com/&x;</link></item></channel></rss>`), contentType: 'application/rss+xml', kind: 'feed' },
  ];
}
