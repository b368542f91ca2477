/**
 * Property tests: random HTML (well-formed or not, any script, any nesting) through extract, and
 * random query strings through a real SQLite search. Whatever comes in, extract returns a record
 * whose invariants hold or throws a typed MarsadError; search returns hits or a notice, or a
 * UsageError for a bad filter value — never a crash or an SQL error.
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import fc from 'fast-check';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { MarsadError, extractArticle } from '../../src/index.js';
import { search } from '../../src/search/search.js';
import { SqliteStore } from '../../src/store/index.js';
import { sampleArticle } from '../store/sample-article.js';

const TAGS = ['p', 'div', 'span', 'article', 'section', 'h1', 'h2', 'ul', 'li', 'a', 'table', 'tr', 'td', 'script', 'style', 'noscript', 'template', 'aside', 'nav', 'footer', 'form', 'time', 'br', 'img', 'head', 'body', 'html'];
const WORDS = ['وزير', 'الخارجية', 'يلتقي', 'news', 'the', 'minister', 'Größe', '東京', 'новости', '٢٠٢٥', '2025-10-28', '&amp;', '&#x202E;', '"', "'", '<', '>', '\u0000', '\uFFFD', '\u200F', 'ـــ', '😀'];
const ATTRS = ['class="article-body"', 'class="share"', 'hidden', 'style="display:none"', 'id="main"', 'itemprop="articleBody"', 'datetime="2025-10-28T16:32:00+03:00"', 'href="/x?utm_source=y#z"', 'lang="ar"', 'dir="rtl"', 'class="selectionShareable"', 'aria-hidden="true"'];

const text = fc.array(fc.oneof(fc.constantFrom(...WORDS), fc.string({ maxLength: 12 })), { maxLength: 12 }).map((w) => w.join(' '));
const { node: html } = fc.letrec<{ node: string }>((tie) => ({
  node: fc.oneof(
    { depthSize: 'small', withCrossShrink: true },
    text,
    fc
      .record({ tag: fc.constantFrom(...TAGS), attrs: fc.array(fc.constantFrom(...ATTRS), { maxLength: 3 }), kids: fc.array(tie('node'), { maxLength: 5 }), close: fc.boolean() })
      .map(({ tag, attrs, kids, close }) => `<${tag}${attrs.map((a) => ` ${a}`).join('')}>${kids.join('')}${close ? `</${tag}>` : ''}`),
  ),
}));

describe('random HTML through extract', () => {
  it('gives a record whose invariants hold, or a typed error', () => {
    fc.assert(
      fc.property(html, fc.boolean(), (page, withUrl) => {
        let article;
        try {
          article = extractArticle(page, withUrl ? { url: 'https://example.com/news/1' } : {});
        } catch (error) {
          expect(error).toBeInstanceOf(MarsadError);
          return;
        }
        expect(article.text).toBe(article.blocks.map((b) => b.text).join('\n\n'));
        expect(article.blocks.every((b) => b.text.trim().length > 0)).toBe(true);
        expect(article.wordCount).toBeGreaterThanOrEqual(0);
        if (article.blocks.length === 0) expect(article.extraction.emptyReason).toMatch(/\S/);
        if (article.published !== null) expect(Number.isFinite(Date.parse(article.published))).toBe(true);
        expect(JSON.parse(JSON.stringify(article))).toEqual(article);
      }),
      { numRuns: 300, seed: 20261207 },
    );
  });
});

describe('random queries through search', () => {
  let dir: string;
  let store: SqliteStore;
  beforeAll(async () => {
    dir = mkdtempSync(join(tmpdir(), 'marsad-prop-'));
    store = new SqliteStore({ path: join(dir, 'p.db') });
    await store.saveArticle({ article: sampleArticle('http://a.test/1', { title: 'وزير الخارجية يلتقي نظيره', text: 'التقى وزير الخارجية نظيره في القاهرة.' }), sourceId: null, fetchedAt: 1, nextRecrawlAt: 1 });
    await store.saveArticle({ article: sampleArticle('http://a.test/2', { title: 'Minister meets counterpart', text: 'The minister met his counterpart in Cairo.' }), sourceId: null, fetchedAt: 1, nextRecrawlAt: 1 });
  });
  afterAll(async () => {
    await store.close();
    rmSync(dir, { recursive: true, force: true });
  });

  const pieces = fc.constantFrom('وزير', 'minister', '"', '-', '*', ':', 'site:', 'lang:ar', 'after:', 'before:2025', 'author:"', 'OR', 'AND', 'NOT', '(', ')', 'NEAR', '^', '{', '}', "'", '\\', '%', '_', ' ', '-"', 'section:', '٢٠٢٥', '\u2212');
  const query = fc.oneof(fc.string({ maxLength: 40 }), fc.array(pieces, { maxLength: 10 }).map((p) => p.join('')));

  it('answers with hits, a notice or a usage error, never a crash or an SQL error', async () => {
    await fc.assert(
      fc.asyncProperty(query, async (q) => {
        try {
          const result = await search(store, q, { limit: 5 });
          expect(result.hits.length).toBeLessThanOrEqual(5);
          expect(result.total).toBeGreaterThanOrEqual(result.hits.length);
        } catch (error) {
          expect(error).toBeInstanceOf(MarsadError);
          expect((error as MarsadError).code).toBe('USAGE');
        }
      }),
      { numRuns: 400, seed: 20261207 },
    );
  });
});
