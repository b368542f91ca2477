// Bad input straight into extractArticle: every case ends in a typed MarsadError or an
// article with an empty body and a reason, never a crash, a stack overflow or a hang.
import { gzipSync } from 'node:zlib';
import { describe, expect, it } from 'vitest';
import { extractArticle } from '../../src/extract/extract-article.js';
import { ExtractLimitError, MarsadError, NotHtmlError } from '../../src/errors.js';
import { decodeHtml } from '../../src/fetch/decode-html.js';
import type { Article } from '../../src/extract/types.js';

const PARAGRAPHS = [
  'The regional council approved the new water plan on Monday after three months of public hearings in every district.',
  'Under the plan, the two oldest pumping stations will be replaced by 2027 and leaks in the network will be repaired street by street.',
  'Residents who spoke at the hearings asked for the work to start in the villages that lose water every summer.',
];

function page(body: string, head = ''): string {
  return `<!doctype html><html lang="en"><head><meta charset="utf-8"><title>Council approves water plan</title>${head}</head><body>${body}</body></html>`;
}

const ARTICLE = `<article><h1>Council approves water plan</h1>${PARAGRAPHS.map((p) => `<p>${p}</p>`).join('')}</article>`;

type Outcome = { kind: 'article'; article: Article; ms: number } | { kind: 'error'; error: MarsadError; ms: number };

/** Runs the extractor; anything thrown that is not a MarsadError fails the test with its stack. */
function attempt(html: string, options: Parameters<typeof extractArticle>[1] = {}): Outcome {
  const started = performance.now();
  try {
    const article = extractArticle(html, options);
    return { kind: 'article', article, ms: performance.now() - started };
  } catch (error) {
    if (error instanceof MarsadError) return { kind: 'error', error, ms: performance.now() - started };
    throw error;
  }
}

/** A typed error with a code, or an article whose empty body says why. */
function expectHandled(outcome: Outcome): void {
  if (outcome.kind === 'error') {
    expect(outcome.error.code).toMatch(/^[A-Z_]+$/);
    expect(outcome.error.message.length).toBeGreaterThan(10);
    return;
  }
  if (outcome.article.blocks.length === 0) {
    expect(outcome.article.text).toBe('');
    expect(outcome.article.extraction.emptyReason, 'an empty body must say why').toMatch(/\S/);
  }
}

function expectNotHtml(html: string): void {
  const outcome = attempt(html);
  expect(outcome.kind, 'binary input must be refused').toBe('error');
  if (outcome.kind === 'error') {
    expect(outcome.error).toBeInstanceOf(NotHtmlError);
    expect(outcome.error.code).toBe('NOT_HTML');
  }
}

/** Bytes read as a page would be read (no charset declared: UTF-8, invalid sequences replaced). */
function asPage(bytes: Uint8Array): string {
  return decodeHtml(bytes).text;
}

describe('empty input', () => {
  it.each([
    ['an empty string', ''],
    ['whitespace only', ' \n\t \r\n '],
    ['an empty document', '<html><head></head><body></body></html>'],
    ['only boilerplate', page('<nav><a href="/">Home</a></nav><footer>© 2025</footer>')],
  ])('%s gives an empty body with a reason or a typed error', (_name, html) => {
    const outcome = attempt(html);
    expectHandled(outcome);
    if (outcome.kind === 'article') expect(outcome.article.blocks).toEqual([]);
  });
});

describe('an empty file', () => {
  it.each([['an empty string', ''], ['whitespace only', ' \n\t \r\n ']])('%s is NOT_HTML, as the README says', (_name, html) => {
    expectNotHtml(html);
  });
});

describe('binary input', () => {
  it('refuses a PDF', () => {
    expectNotHtml(asPage(Buffer.from('%PDF-1.7\n%\xe2\xe3\xcf\xd3\n1 0 obj\n<< /Type /Catalog /Pages 2 0 R >>\nendobj\n', 'latin1')));
  });
  it('refuses PNG, JPEG and GIF images', () => {
    expectNotHtml(asPage(Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 0, 0, 0, 13, 0x49, 0x48, 0x44, 0x52])));
    expectNotHtml(asPage(Buffer.from([0xff, 0xd8, 0xff, 0xe0, 0x00, 0x10, 0x4a, 0x46, 0x49, 0x46, 0x00, 0x01])));
    expectNotHtml(Buffer.from('GIF89a\x01\x00\x01\x00\x80\x00\x00', 'latin1').toString('latin1'));
  });
  it('refuses gzip data that was not decompressed', () => {
    expectNotHtml(gzipSync(Buffer.from(page(ARTICLE))).toString('latin1'));
  });
  it('refuses random bytes with NUL bytes in them', () => {
    const bytes = Buffer.alloc(4096);
    for (let i = 0; i < bytes.length; i++) bytes[i] = (i * 7919 + 13) % 256;
    expectNotHtml(asPage(bytes));
  });
});

describe('invalid text', () => {
  it('keeps the readable paragraphs of a page with invalid UTF-8 bytes', () => {
    const html = page(ARTICLE);
    const cut = html.indexOf('approved');
    const bytes = Buffer.concat([Buffer.from(html.slice(0, cut)), Buffer.from([0xc3, 0x28, 0xff, 0xfe, 0xed, 0xa0, 0x80]), Buffer.from(html.slice(cut))]);
    const outcome = attempt(asPage(bytes));
    expect(outcome.kind).toBe('article');
    if (outcome.kind !== 'article') return;
    expect(outcome.article.text).toContain(PARAGRAPHS[1]);
    expect(outcome.article.text).toContain(PARAGRAPHS[2]);
    expect(outcome.article.text).toContain('\ufffd');
  });
  it('survives lone surrogates and control characters inside the text', () => {
    const outcome = attempt(page(`<article><h1>T</h1><p>${PARAGRAPHS[0]} \ud800 \udfff \u0007</p><p>${PARAGRAPHS[1]}</p></article>`));
    expect(outcome.kind).toBe('article');
    if (outcome.kind === 'article') expect(outcome.article.text).toContain(PARAGRAPHS[1]);
  });
});

describe('broken markup', () => {
  it('extracts the paragraphs from unclosed, misnested and stray tags', () => {
    const broken =
      // (<title> is raw text up to </title> in every browser, so it is the one tag closed here.)
      '<html><head><title>Council approves water plan</title><body><div class="story"><h1>Council approves water plan</h2>' +
      `<p>${PARAGRAPHS[0]}<p>${PARAGRAPHS[1]}</b></i></span></div></div>` +
      `<p class="x" id=>${PARAGRAPHS[2]}<<<>>></td></tr></table>` +
      '<div class="unterminated attribute><p>tail</p>';
    const outcome = attempt(broken);
    expect(outcome.kind).toBe('article');
    if (outcome.kind !== 'article') return;
    expect(outcome.article.text).toContain(PARAGRAPHS[0]);
    expect(outcome.article.text).toContain(PARAGRAPHS[1]);
  });
  it('copes with a page that is one unterminated comment, script or attribute', () => {
    for (const html of [`<!-- ${PARAGRAPHS[0]}`, `<script>${'var a = "'.repeat(5000)}`, `<div title="${PARAGRAPHS.join(' ').repeat(200)}`, '<' + 'a'.repeat(100_000)]) {
      expectHandled(attempt(html));
    }
  });
});

describe('malformed JSON-LD', () => {
  const visible = ARTICLE;
  it.each([
    ['truncated JSON', '{"@context":"https://schema.org","@type":"NewsArticle","headline":"Council'],
    ['not JSON at all', 'window.data = {headline: "x"};'],
    ['wrong types everywhere', '{"@type":5,"headline":["a",{"b":1}],"author":[null,7,{"name":{"x":1}}],"datePublished":{"v":1},"articleBody":42,"image":[[[]]]}'],
    ['a JSON string, number and null', '"NewsArticle"'],
    ['null', 'null'],
    ['100,000-deep arrays', '['.repeat(100_000) + ']'.repeat(100_000)],
    ['100,000-deep @graph', '{"@graph":['.repeat(100_000) + '{"@type":"NewsArticle","headline":"deep"}' + ']}'.repeat(100_000)],
    ['a self-describing cycle of @id references', '{"@graph":[{"@id":"#a","@type":"NewsArticle","author":{"@id":"#b"}},{"@id":"#b","@type":"Person","worksFor":{"@id":"#a"}}]}'],
  ])('%s: the visible article still comes out', (_name, json) => {
    const outcome = attempt(page(visible, `<script type="application/ld+json">${json}</script>`), { timeBudgetMs: 30_000 });
    expect(outcome.kind).toBe('article');
    if (outcome.kind !== 'article') return;
    expect(outcome.article.text).toContain(PARAGRAPHS[0]);
    expect(outcome.article.text).toContain(PARAGRAPHS[2]);
  });
});

describe('huge pages', () => {
  // About 50 MB of distinct paragraphs: the size the extractor accepts by default.
  function fiftyMegabytePage(): string {
    const parts: string[] = [];
    let length = 0;
    for (let i = 0; length < 49_000_000; i++) {
      const p = `<p>Paragraph ${i}: ${PARAGRAPHS[i % 3]}</p>\n`;
      parts.push(p);
      length += p.length;
    }
    return page(`<article><h1>Council approves water plan</h1>${parts.join('')}</article>`);
  }

  it('extracts a 50 MB page, or refuses it with ExtractLimitError', () => {
    const html = fiftyMegabytePage();
    expect(html.length).toBeGreaterThan(49_000_000);
    const outcome = attempt(html, { timeBudgetMs: 20_000 });
    expectHandled(outcome);
    if (outcome.kind === 'error') expect(outcome.error).toBeInstanceOf(ExtractLimitError);
    else expect(outcome.article.blocks.length).toBeGreaterThan(1000);
  }, 180_000);

  it('stops a 50 MB page that exceeds a tight time budget with ExtractLimitError', () => {
    const outcome = attempt(fiftyMegabytePage(), { timeBudgetMs: 1 });
    expect(outcome.kind).toBe('error');
    if (outcome.kind === 'error') {
      expect(outcome.error).toBeInstanceOf(ExtractLimitError);
      expect(outcome.error.message).toMatch(/timeBudgetMs/);
    }
  }, 180_000);

  it('refuses input over the size cap before parsing it', () => {
    const html = page(`<p>${'x'.repeat(2_000_000)}</p>`);
    const outcome = attempt(html, { maxInputChars: 1_000_000 });
    expect(outcome.kind).toBe('error');
    if (outcome.kind !== 'error') return;
    expect(outcome.error).toBeInstanceOf(ExtractLimitError);
  });
});

describe('100,000-deep nesting', () => {
  const DEPTH = 100_000;
  const text = `<p>${PARAGRAPHS.join(' ')}</p>`;
  // A generous budget: these inputs are slow to parse, and the point here is "no crash, no
  // stack overflow, a typed outcome", not speed.
  it.each([
    ['closed <div>s around a paragraph', '<div>'.repeat(DEPTH) + text + '</div>'.repeat(DEPTH)],
    ['unclosed <span>s inside a paragraph', '<p>' + '<span>'.repeat(DEPTH) + PARAGRAPHS.join(' ')],
    ['unclosed inline <b>s', '<b>'.repeat(DEPTH) + PARAGRAPHS.join(' ')],
    ['nested tables', '<table><tr><td>'.repeat(Math.ceil(DEPTH / 3)) + text],
  ])('%s: no stack overflow, a typed outcome', (_name, body) => {
    const outcome = attempt(page(body), { timeBudgetMs: 120_000 });
    expectHandled(outcome);
  }, 240_000);
});

describe('binary signatures after UTF-8 decoding', () => {
  it.each([
    ['PNG', Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 0x00, 0x00])],
    ['JPEG', Buffer.from([0xff, 0xd8, 0xff, 0xe0, 0x00, 0x10, 0x4a, 0x46, 0x49, 0x46])],
    ['gzip', Buffer.from([0x1f, 0x8b, 0x08, 0x00, 0x00, 0x00, 0x00, 0x00])],
  ])('%s decoded as UTF-8 is refused as not HTML', (_name, bytes) => {
    expect(() => extractArticle(new TextDecoder().decode(bytes.subarray(0, 4)))).toThrow(NotHtmlError);
  });
});
