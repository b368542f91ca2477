/** Related links are keys to other articles: they lose tracking parameters and fragments, as frontier URLs do. */
import { describe, expect, it } from 'vitest';
import { extractArticle } from '../../src/index.js';

const body = Array.from({ length: 5 }, (_, i) => `<p>The harbour authority said on Monday that repairs to the eastern quay, damaged in the storm, would take until spring, paragraph ${i + 1}.</p>`).join('');
const html = `<!doctype html><html lang="en"><head><title>Harbour repairs</title></head><body>
<article><h1>Harbour repairs will take until spring</h1>${body}</article>
<aside class="related"><h3>Read also</h3><ul>
<li><a href="/news/2025/10/ferry-timetable?utm_source=related&amp;utm_medium=web#comments">Ferry timetable changes</a></li>
<li><a href="https://example.com/news/2025/10/storm-damage?fbclid=abc&amp;page=2">Storm damage counted</a></li>
</ul></aside></body></html>`;

describe('related links', () => {
  it('drop utm_*, fbclid and fragments but keep meaningful parameters', () => {
    const article = extractArticle(html, { url: 'https://example.com/news/2025/10/harbour-repairs' });
    expect(article.links.related).toEqual(['https://example.com/news/2025/10/ferry-timetable', 'https://example.com/news/2025/10/storm-damage?page=2']);
  });
});
