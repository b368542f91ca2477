// 100,000-deep pages: the parser's stack would make them quadratic; the depth guard keeps the
// text and the paragraph structure, so the article still comes out (not just "no crash").
import { describe, expect, it } from 'vitest';
import { extractArticle } from '../../src/index.js';
import { limitDepth, MAX_DEPTH } from '../../src/extract/dom/limit-depth.js';

const N = 100_000;
const P = `<p>${'The council met on Tuesday, and the vote passed, after a long debate. '.repeat(4)}</p>`;

describe('deeply nested pages', () => {
  it.each([
    ['closed divs', `<html><body>${'<div>'.repeat(N)}${P}${'</div>'.repeat(N)}</body></html>`],
    ['unclosed inline tags', `<html><body>${'<b>'.repeat(N)}${P}</body></html>`],
    ['nested tables', `<html><body>${'<table><tr><td>'.repeat(N / 5)}${P}</body></html>`],
  ])('%s: the paragraph comes out whole', (_name, html) => {
    const article = extractArticle(html, { timeBudgetMs: 60_000 });
    expect(article.text).toBe(P.replace(/<\/?p>/g, '').trim());
    expect(article.extraction.trace.some((t) => t.step === 'parse.depth')).toBe(true);
  });

  it('leaves ordinary pages byte for byte unchanged', () => {
    const html = `<html><body>${'<div>'.repeat(50)}${P}${'</div>'.repeat(50)}</body></html>`;
    expect(limitDepth(html)).toEqual({ html, dropped: 0 });
  });

  it('drops only the tags beyond the limit', () => {
    const html = `${'<div>'.repeat(MAX_DEPTH + 10)}x${'</div>'.repeat(MAX_DEPTH + 10)}`;
    const limited = limitDepth(html);
    expect(limited.dropped).toBe(10);
    expect(limited.html).toBe(`${'<div>'.repeat(MAX_DEPTH)}x${'</div>'.repeat(MAX_DEPTH)}`);
  });
});
