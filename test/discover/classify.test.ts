import { describe, expect, it } from 'vitest';
import { classifyPage, classifyUrl, trapReason } from '../../src/index.js';

describe('classifyUrl', () => {
  const table: [string, 'article' | 'listing' | 'other'][] = [
    ['https://example.com/', 'listing'],
    ['https://example.com/world', 'listing'],
    ['https://example.com/world/', 'listing'],
    ['https://example.com/sport/football', 'listing'],
    ['https://example.com/section/politics?page=2', 'listing'],
    ['https://example.com/world/page/3', 'listing'],
    ['https://example.com/tag/elections', 'listing'],
    ['https://example.com/category/economy-and-business-news', 'listing'],
    ['https://example.com/author/jane-doe-smith', 'listing'],
    ['https://example.com/2025/10/', 'listing'],
    ['https://example.com/news/2025/10/28/minister-meets-counterpart', 'article'],
    ['https://example.com/2025-10-28/story', 'article'],
    ['https://example.com/world/2025/10/central-bank-holds-rates-steady', 'article'],
    ['https://example.com/business/article-100001', 'article'],
    ['https://example.com/story/20001.html', 'article'],
    ['https://example.com/news/1234567', 'article'],
    ['https://example.com/news/وزير-الخارجية-يلتقي-نظيره', 'article'],
    ['https://example.com/news/%D9%88%D8%B2%D9%8A%D8%B1-%D8%A7%D9%84%D8%AE%D8%A7%D8%B1%D8%AC%D9%8A%D8%A9-%D9%8A%D9%84%D8%AA%D9%82%D9%8A', 'article'],
    ['https://example.com/?p=12345', 'article'],
    ['https://example.com/video/2025/10/28/highlights-of-the-final', 'article'],
    ['https://example.com/files/report.pdf', 'other'],
    ['https://example.com/img/photo.jpg', 'other'],
    ['https://example.com/login', 'other'],
    ['https://example.com/privacy-policy', 'other'],
    ['https://example.com/feed', 'other'],
    ['https://example.com/sitemap.xml', 'other'],
    ['mailto:a@example.com', 'other'],
  ];
  it.each(table)('%s → %s', (url, expected) => {
    expect(classifyUrl(url)).toBe(expected);
  });
});

describe('trapReason', () => {
  const traps: [string, RegExp][] = [
    [`https://example.com/${'a'.repeat(600)}`, /longer than 500/],
    ['https://example.com/a/b/c/d/e/f/g/h/i/j/k', /deeper than 10/],
    ['https://example.com/news/news/news/x', /repeated 3 times/],
    ['https://example.com/a/b/a/b/x', /path repeats "a\/b"/],
    ['https://example.com/events/calendar/2025/10', /calendar page/],
    ['https://example.com/events/calendar/1850/1', /calendar/],
    ['https://example.com/archive/3024/01/', /calendar date out of range/],
    ['https://example.com/list?day=1&month=2&year=2025', /calendar/],
    ['https://example.com/page?PHPSESSID=abc123', /session id in query/],
    ['https://example.com/page?sid=0123456789abcdef', /session id in query/],
    ['https://example.com/page;jsessionid=ABC', /session id in path/],
    ['https://example.com/x?a=1&b=2&c=3&d=4&e=5&f=6&g=7&h=8&i=9', /more than 8 query parameters/],
  ];
  it.each(traps)('%s is a trap', (url, reason) => {
    expect(trapReason(url)).toMatch(reason);
  });

  const fine = [
    'https://example.com/news/2025/10/28/minister-meets-counterpart',
    'https://example.com/news/2025/10/10/ten-ten',
    'https://example.com/article/1234',
    'https://example.com/section/politics?page=2',
    `https://example.com/news/${encodeURIComponent('وزير-الخارجية-يلتقي-نظيره-الأردني-لبحث-التعاون-الإقليمي')}`,
    'https://example.com/2025/10/',
  ];
  it.each(fine)('%s is not a trap', (url) => {
    expect(trapReason(url)).toBeNull();
  });

  it('takes limits', () => {
    expect(trapReason('https://example.com/a/b/c', { maxPathDepth: 2 })).toMatch(/deeper than 2/);
    expect(trapReason('https://example.com/abc', { maxUrlLength: 10 })).toMatch(/longer than 10/);
  });
});

describe('classifyPage', () => {
  const para = (n: number) => `<p>${'This is a sentence of a real article body that goes on for a while. '.repeat(2)}${n}</p>`;
  it('an article has a headline and a body', () => {
    const html = `<html><head><meta property="og:type" content="article"></head><body><h1>T</h1>${[1, 2, 3, 4, 5].map(para).join('')}<a href="/tag/x">x</a></body></html>`;
    expect(classifyPage(html, 'https://example.com/a')).toBe('article');
  });
  it('a section page is a list of links, even with og:type article', () => {
    const links = Array.from({ length: 12 }, (_, i) => `<article><h2><a href="/news/2025/10/${10 + i}/story-number-${i}-title">Story ${i}</a></h2><p>Short teaser.</p></article>`);
    const html = `<html><head><meta property="og:type" content="article"></head><body>${links.join('')}</body></html>`;
    expect(classifyPage(html, 'https://example.com/world')).toBe('listing');
  });
  it('JSON-LD NewsArticle counts as structured evidence', () => {
    const html = `<script type="application/ld+json">{"@context":"https://schema.org","@type":"NewsArticle","headline":"x"}</script><h1>x</h1>${para(1)}${para(2)}`;
    expect(classifyPage(html, 'https://example.com/x')).toBe('article');
  });
  it('a short static page is other', () => {
    expect(classifyPage('<h1>Contact</h1><p>Write to us.</p>', 'https://example.com/contact')).toBe('other');
  });
});
