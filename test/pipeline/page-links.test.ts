/**
 * The crawler's tag scanner (page-links.ts) finds the same links, feeds and canonical as the
 * DOM-based reader in discover/links.ts, on every fixture page and on the hard cases a tag
 * scanner can get wrong (comments, scripts, quoted '>', entities, <base>, case).
 */
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { readPageLinks } from '../../src/discover/links.js';
import { scanPageLinks } from '../../src/pipeline/crawl/page-links.js';

const BASE = 'https://news.example/2025/01/02/story-1.html';

function both(html: string, base = BASE) {
  const old = readPageLinks(html, base);
  return {
    expected: { links: old.links.map((l) => ({ url: l.url, nofollow: l.nofollow })), feeds: old.feeds, canonical: old.canonical },
    actual: scanPageLinks(html, base),
  };
}

function fixturePages(): string[] {
  const root = join(import.meta.dirname, '../fixtures/extract');
  return readdirSync(root, { withFileTypes: true })
    .filter((d) => d.isDirectory())
    .map((d) => join(root, d.name, 'page.html'));
}

describe('scanPageLinks', () => {
  it('matches readPageLinks on every extraction fixture page', () => {
    const pages = fixturePages();
    expect(pages.length).toBeGreaterThan(0);
    for (const page of pages) {
      const { expected, actual } = both(readFileSync(page, 'utf8'));
      expect(actual, page).toEqual(expected);
    }
  });

  it('skips comments, scripts, styles and raw text, and keeps quoted ">" inside a tag', () => {
    const html = `<html><head>
      <link rel="canonical" href="/canon?a=1&amp;b=2#top">
      <link rel="alternate" type="application/rss+xml" href="/rss.xml">
      <style>a[href="/no-style"] { color: red }</style>
      <script>document.write('<a href="/no-script">x</a>')</script>
      <SCRIPT type="x">'<a href="/no-upper-script">'</SCRIPT>
      <title><a href="/no-title"></title>
      </head><body>
      <!-- <a href="/no-comment"> -->
      <a data-x="1 > 0" href='/quoted'>q</a>
      <a href=/unquoted?x=1&amp;y=2>u</a>
      <A HREF="/Upper" REL="NOFOLLOW">up</A>
      <a href="/twice" rel="ugc">1</a><a href="/twice">2</a>
      <a href="javascript:void(0)">js</a><a href="mailto:x@y.z">m</a><a>none</a>
      <a href="https://other.example/x#frag">other</a>
      <textarea><a href="/no-textarea"></textarea>
      <a href="//cdn.example/y">proto-relative</a>
      </body></html>`;
    const { expected, actual } = both(html);
    expect(actual).toEqual(expected);
    expect(actual.links.map((l) => new URL(l.url).pathname)).toEqual(['/quoted', '/unquoted', '/Upper', '/twice', '/x', '/y']);
    expect(actual.canonical).toBe('https://news.example/canon?a=1&b=2');
    expect(actual.links.find((l) => l.url.endsWith('/twice'))?.nofollow).toBe(false);
  });

  it('resolves against <base href> and relative paths against the page', () => {
    const html = '<base href="https://cdn.news.example/sub/"><a href="a.html">a</a><a href="../b.html">b</a><a href="/c">c</a>';
    const { expected, actual } = both(html);
    expect(actual).toEqual(expected);
    expect(actual.links.map((l) => l.url)).toEqual(['https://cdn.news.example/sub/a.html', 'https://cdn.news.example/b.html', 'https://cdn.news.example/c']);
    // The same root-relative href on another site resolves to that site (the shared cache is per origin).
    expect(scanPageLinks('<a href="/c">c</a>', 'http://127.0.0.2:8080/x').links[0]?.url).toBe('http://127.0.0.2:8080/c');
  });
});
