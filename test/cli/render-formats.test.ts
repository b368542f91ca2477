// The renderers behind --format markdown | text | html, on hand-made records: what must
// hold whatever the extractor produced (escaping, each text once, the seed header).
import { describe, expect, it } from 'vitest';
import type { Article, Block } from '../../src/extract/types.js';
import { renderText } from '../../src/export/render-text.js';
import { escapeMarkdown, renderMarkdown } from '../../src/export/render-markdown.js';
import { renderHtml } from '../../src/export/render-html.js';

function article(blocks: Block[], overrides: Partial<Article> = {}): Article {
  return {
    url: 'https://example.com/news/1',
    canonicalUrl: null,
    id: null,
    site: { name: null, domain: 'example.com' },
    title: 'Flood defences finished ahead of winter',
    description: null,
    authors: [],
    published: '2025-10-28T23:30:00-05:00',
    modified: null,
    language: 'en',
    direction: 'ltr',
    image: null,
    section: null,
    tags: [],
    blocks,
    text: blocks.map((b) => b.text).join('\n\n'),
    links: { inBody: [], related: [] },
    wordCount: 0,
    contentHash: null,
    extraction: { method: 'test', confidence: 1, trace: [] },
    ...overrides,
  };
}

const P1 = 'Work on the new flood wall along the river finished two weeks early.';
const P2 = 'The wall protects about 1,200 homes that flooded in 2019.';

describe('text', () => {
  it('starts with `date YYYY-MM-DD URL` using the day the page states, then the title', () => {
    const out = renderText(article([{ type: 'paragraph', text: P1 }]));
    expect(out).toBe(`date 2025-10-28 https://example.com/news/1\nFlood defences finished ahead of winter\n\n${P1}\n`);
  });
  it('writes each paragraph once and never repeats the title', () => {
    const out = renderText(article([
      { type: 'heading', text: 'Flood defences finished ahead of winter' },
      { type: 'paragraph', text: P1 },
      { type: 'paragraph', text: `  ${P1.replace(/ /g, '  ')} ` },
      { type: 'paragraph', text: P2 },
      { type: 'paragraph', text: P1 },
    ]));
    expect(out.split('\n\n')).toEqual(['date 2025-10-28 https://example.com/news/1\nFlood defences finished ahead of winter', P1, `${P2}\n`]);
  });
  it('says "unknown" when there is no published date, and falls back to the canonical URL', () => {
    const out = renderText(article([{ type: 'paragraph', text: P1 }], { published: null, url: null, canonicalUrl: 'https://example.com/c' }));
    expect(out.split('\n')[0]).toBe('date unknown https://example.com/c');
  });
});

describe('markdown', () => {
  it('escapes text so page content cannot become markup', () => {
    expect(escapeMarkdown('# not a heading')).toBe('\\# not a heading');
    expect(escapeMarkdown('1. not a list')).toBe('1\\. not a list');
    expect(escapeMarkdown('- not a bullet')).toBe('\\- not a bullet');
    expect(escapeMarkdown('[link](javascript:x) *bold* _it_ <b>html</b> `code`')).toBe(
      '\\[link\\](javascript:x) \\*bold\\* \\_it\\_ \\<b\\>html\\</b\\> \\`code\\`',
    );
    expect(escapeMarkdown('2025 was a year')).toBe('2025 was a year');
  });
  it('renders headings, quotes, lists and captions, with list items grouped', () => {
    const out = renderMarkdown(article([
      { type: 'paragraph', text: P1 },
      { type: 'heading', text: 'Cost' },
      { type: 'list-item', text: 'first' },
      { type: 'list-item', text: 'second' },
      { type: 'quote', text: 'We are ready.' },
      { type: 'caption', text: 'The wall at dusk' },
    ], { authors: ['Sara Lind'] }));
    expect(out).toBe(
      '# Flood defences finished ahead of winter\n\nSara Lind · 2025-10-28 · <https://example.com/news/1>\n\n' +
        `${P1}\n\n## Cost\n\n- first\n- second\n\n> We are ready.\n\n*The wall at dusk*\n`,
    );
  });
  it('renders table rows (cells joined by " | ") as a pipe table with the first row as header', () => {
    const out = renderMarkdown(article([
      { type: 'table', text: 'الفريق | النقاط' },
      { type: 'table', text: 'الأهلي | ٤٥' },
      { type: 'table', text: 'a|b | c | extra' },
    ], { title: null, url: null, published: null }));
    expect(out).toBe('| الفريق | النقاط |  |\n| --- | --- | --- |\n| الأهلي | ٤٥ |  |\n| a\\|b | c | extra |\n');
  });
  it('renders the lead as an emphasised first paragraph, and does not quote a description that repeats it', () => {
    const lead = 'The city finished its new flood wall two weeks early.';
    const out = renderMarkdown(article([{ type: 'lead', text: lead }, { type: 'paragraph', text: P1 }], { description: `${lead} `, published: null, url: null }));
    expect(out).toBe(`# Flood defences finished ahead of winter\n\n*${lead}*\n\n${P1}\n`);
    const other = renderMarkdown(article([{ type: 'lead', text: lead }], { description: 'Another summary.', published: null, url: null }));
    expect(other).toContain('> Another summary.');
  });
  it('leaves out a URL that is not http(s)', () => {
    expect(renderMarkdown(article([], { url: 'javascript:alert(1)' }))).not.toContain('javascript');
  });
});

describe('html', () => {
  it('escapes every text and keeps right-to-left pages right-to-left', () => {
    const out = renderHtml(article([{ type: 'paragraph', text: '<img src=x onerror=alert(1)> & "q"' }], { title: 'عنوان <b>', language: 'ar', direction: 'rtl' }));
    expect(out).toBe('<article lang="ar" dir="rtl">\n<h1>عنوان &lt;b&gt;</h1>\n<p>&lt;img src=x onerror=alert(1)&gt; &amp; &quot;q&quot;</p>\n</article>\n');
  });
  it('renders the lead as <p class="lead">', () => {
    const out = renderHtml(article([{ type: 'lead', text: 'A short <summary>' }, { type: 'paragraph', text: P2 }]));
    expect(out).toContain('<h1>Flood defences finished ahead of winter</h1>\n<p class="lead">A short &lt;summary&gt;</p>\n<p>');
  });
  it('drops a language tag that is not a language tag', () => {
    expect(renderHtml(article([], { language: 'en" onload="x' }))).toMatch(/^<article dir="ltr">/);
  });
  it('groups list items into one list and table cells into one table', () => {
    const out = renderHtml(article([
      { type: 'list-item', text: 'a' },
      { type: 'list-item', text: 'b' },
      { type: 'table', text: 'Team | Points' },
      { type: 'table', text: 'Harbour <FC> | 45' },
      { type: 'paragraph', text: P2 },
    ]));
    expect(out).toContain('<ul>\n<li>a</li>\n<li>b</li>\n</ul>');
    expect(out).toContain('<table><tbody>\n<tr><td>Team</td><td>Points</td></tr>\n<tr><td>Harbour &lt;FC&gt;</td><td>45</td></tr>\n</tbody></table>');
    expect(out.match(/<ul>/g)).toHaveLength(1);
  });
});
