// Metadata sources one at a time, on small pages written here: structured data, meta, visible text, URL.
import { describe, expect, it } from 'vitest';
import { parseHtml } from '../../../src/extract/dom/parse.js';
import { extractMetadata, resolveLanguage } from '../../../src/extract/metadata.js';
import { stripTitleSuffix } from '../../../src/extract/fields/title.js';
import { cleanAuthors } from '../../../src/extract/fields/authors.js';
import { detectLanguage, normalizeLanguageTag } from '../../../src/extract/fields/language.js';

const meta = (html: string, context: { url?: string; fetchedAt?: string } = {}) => extractMetadata(parseHtml(html), context);
const ld = (json: string) => `<html><head><script type="application/ld+json">${json}</script></head><body><p>x</p></body></html>`;

describe('JSON-LD', () => {
  it('reads arrays, nested mainEntity and @graph', () => {
    const arr = meta(ld('[{"@type":"Organization","name":"Org"},{"@type":"NewsArticle","headline":"H","datePublished":"2024-01-02T03:04:05Z"}]'));
    expect(arr.published).toBe('2024-01-02T03:04:05Z');
    const nested = meta(ld('{"@type":"WebPage","mainEntity":{"@type":"Article","headline":"Nested","datePublished":"2024-02-03","dateModified":"2024-02-04"}}'));
    expect([nested.title, nested.published, nested.modified]).toEqual(['Nested', '2024-02-03', '2024-02-04']);
  });
  it('survives comments, raw newlines and trailing commas; ignores broken blocks', () => {
    const m = meta(ld('<!-- {"@type":"NewsArticle","headline":"Line\none","datePublished":"2024-05-06",} -->'));
    expect(m.published).toBe('2024-05-06');
    expect(() => meta(ld('{"@type": "NewsArticle", "headline": '))).not.toThrow();
  });
  it('prefers the article of this page over a related item', () => {
    const m = meta(ld('{"@graph":[{"@type":"NewsArticle","url":"https://x.example/other","headline":"Other","datePublished":"2020-01-01"},{"@type":"NewsArticle","url":"https://x.example/this","headline":"This","datePublished":"2024-01-01"}]}'), { url: 'https://x.example/this' });
    expect(m.published).toBe('2024-01-01');
  });
  it('gives articleBody as structured evidence and decodes entities', () => {
    const m = meta(ld('{"@type":"NewsArticle","headline":"A &#8211; B","articleBody":"Body text."}'));
    expect(m.structuredBody).toBe('Body text.');
    expect(m.title).toBe('A – B');
  });
});

describe('dates: trust order, separation, sanity', () => {
  it('keeps an update apart from the publication; a page whose only date is an update reports it, marked weak', () => {
    const both = meta('<html><head><meta property="article:published_time" content="2024-03-01"><meta property="article:modified_time" content="2024-03-04T10:00:00Z"></head><body></body></html>');
    expect([both.published, both.modified]).toEqual(['2024-03-01', '2024-03-04T10:00:00Z']);
    const only = meta('<html><head><meta property="article:modified_time" content="2024-03-04T10:00:00Z"></head><body></body></html>');
    expect(only.published).toBe('2024-03-04T10:00:00Z');
    expect(only.modified).toBe('2024-03-04T10:00:00Z');
    expect(only.dates.published!.confidence).toBeLessThanOrEqual(0.3);
    expect(only.trace.some((t) => t.step === 'date.published' && /update date stands in/.test(t.reason))).toBe(true);
  });
  it('prefers markup over the URL, and uses the URL when nothing else exists', () => {
    const withMeta = meta('<html><head><meta property="article:published_time" content="2024-03-05T10:00:00+01:00"></head><body></body></html>', { url: 'https://a.example/2024/03/04/story' });
    expect(withMeta.published).toBe('2024-03-05T10:00:00+01:00');
    expect(meta('<html><body><h1>T</h1></body></html>', { url: 'https://a.example/2024/03/04/story' }).dates.published).toMatchObject({ value: '2024-03-04', source: 'url', raw: '2024/03/04' });
    expect(meta('<html><body></body></html>', { url: 'https://a.example/news/20251028/story-1.html' }).published).toBe('2025-10-28');
    expect(meta('<html><body></body></html>', { url: 'https://a.example/2023/12/story' }).published).toBe('2023-12');
  });
  it('drops a published date after the fetch time and a modified date before the published one', () => {
    const m = meta('<html><head><meta property="article:published_time" content="2030-01-01"><meta name="date" content="2024-01-01"><meta property="article:modified_time" content="2023-06-01"></head><body></body></html>', { fetchedAt: '2024-02-01T00:00:00Z' });
    expect(m.published).toBe('2024-01-01');
    expect(m.modified).toBeNull();
    expect(m.trace.some((t) => t.step === 'date.rejected')).toBe(true);
  });
  it('records provenance: the raw string, the source and a confidence', () => {
    const m = meta('<html><head><meta property="article:published_time" content="2024-03-05T10:00:00+01:00"></head><body><h1>T</h1><span class="date">5 March 2024</span></body></html>', { url: 'https://a.example/2024/03/05/t' });
    expect(m.dates.published).toEqual({ value: '2024-03-05T10:00:00+01:00', raw: '2024-03-05T10:00:00+01:00', source: 'meta', confidence: expect.any(Number) });
    expect(m.dates.published!.confidence).toBeGreaterThan(0.9);
    expect(m.trace.find((t) => t.step === 'date.published')?.reason).toMatch(/3 source\(s\) agree/);
  });
  it('reads an unlabelled date line right under the headline, not the header\'s "today"', () => {
    const m = meta('<html><body><div class="topbar"><span>الأحد 10 مارس 2024</span></div><h1>عنوان الخبر</h1><div><span>نشر: ٨ مارس ٢٠٢٤ - ٠٩:٠٠</span></div><p>نص.</p></body></html>');
    expect(m.published).toBe('2024-03-08T09:00:00');
    expect(m.dates.published?.source).toBe('text');
  });
  it('a layout wrapper named after its sidebar is not offside', () => {
    const m = meta('<html><body><div class="layout-with-sidebar"><h1>Headline</h1><time datetime="2024-06-01T10:00:00Z">1 June</time></div><div class="sidebar-widget"><time datetime="2024-05-01">x</time></div></body></html>');
    expect(m.published).toBe('2024-06-01T10:00:00Z');
    expect(m.title).toBe('Headline');
  });
  it('ignores dates in hidden nodes, asides and comments', () => {
    const m = meta('<html><body><h1>T</h1><div class="date" hidden>1 May 2024</div><aside><span class="date">2 May 2024</span></aside><div class="comments"><time datetime="2024-05-03">3</time></div><span class="post-date">4 May 2024</span></body></html>');
    expect(m.published).toBe('2024-05-04');
  });
});

describe('title, site, authors', () => {
  it('strips site and section suffixes, keeps separators inside the headline', () => {
    expect(stripTitleSuffix('Rates rise again - Business | The Daily', ['The Daily']).title).toBe('Rates rise again');
    expect(stripTitleSuffix('ارتفاع أسعار الذهب مجددا - الاقتصاد | الجريدة', ['الجريدة']).title).toBe('ارتفاع أسعار الذهب مجددا');
    expect(stripTitleSuffix('Biden - Trump debate: what we learned tonight in Atlanta', []).title).toBe('Biden - Trump debate: what we learned tonight in Atlanta');
  });
  it('takes the visible h1 when it agrees with the structured headline, not a logo h1', () => {
    const m = meta('<html><head><title>Storm closes schools across the region - Valley News</title></head><body><h1 class="logo">Valley News</h1><h1>Storm closes schools across the region</h1></body></html>');
    expect(m.title).toBe('Storm closes schools across the region');
    expect(m.site.name).toBe('Valley News');
  });
  it('keeps people and agencies, drops prefixes, the site, URLs and dates', () => {
    expect(cleanAuthors(['By Jane Doe and John Roe'], [])).toEqual(['Jane Doe', 'John Roe']);
    expect(cleanAuthors(['بقلم: أحمد سالم، ليلى حداد و كريم نصر'], [])).toEqual(['أحمد سالم', 'ليلى حداد', 'كريم نصر']);
    expect(cleanAuthors(['Reuters', 'AFP', 'https://facebook.com/someone', '12 May 2024', 'The Daily'], ['The Daily'])).toEqual(['Reuters', 'AFP']);
    expect(cleanAuthors(['https://facebook.com/someone', '12 May 2024'], [])).toEqual([]);
    expect(cleanAuthors(['كتب: خالد يوسف - القاهرة'], [])).toEqual(['خالد يوسف']);
    expect(cleanAuthors(['JANE ROE', 'AP Auto Writer', 'HNN Staff', 'The Associated Press', 'Analysis by Sam Poe', 'MS', 'RDN', 'Ann Lee Monday'], [])).toEqual(['JANE ROE', 'HNN Staff', 'The Associated Press', 'Sam Poe', 'Ann Lee']);
    expect(cleanAuthors(['Sarah E. Needleman', 'Dr. Anna Keller', 'Finian Cunningham. Sputnik International', '/author/x', 'Текст: Лида Буслаева'], [])).toEqual(['Sarah E. Needleman', 'Dr. Anna Keller', 'Finian Cunningham', 'Лида Буслаева']);
    expect(cleanAuthors(['kevin', 'Kevin Rebong', 'The Russian and Syrian defense ministries'], [])).toEqual(['Kevin Rebong']);
  });
});

describe('language', () => {
  it('normalises declared tags', () => {
    expect(normalizeLanguageTag('ar_EG')).toBe('ar-EG');
    expect(normalizeLanguageTag('EN-us')).toBe('en-US');
    expect(normalizeLanguageTag('')).toBeNull();
  });
  it('corrects a declaration the text contradicts, keeps one it confirms', () => {
    const arabic = 'أعلنت الحكومة اليوم عن خطة جديدة لدعم المزارعين في المناطق الريفية وتوفير المياه اللازمة للري خلال الموسم المقبل.';
    expect(detectLanguage('en', null, arabic)).toMatchObject({ language: 'ar', direction: 'rtl' });
    expect(detectLanguage('ar', 'rtl', arabic)).toMatchObject({ language: 'ar', direction: 'rtl' });
    const french = "Le gouvernement a présenté mardi un nouveau plan pour soutenir les agriculteurs des régions rurales et garantir l'eau nécessaire à l'irrigation pendant la prochaine saison.";
    expect(detectLanguage('en', null, french).language).toBe('fr');
    expect(detectLanguage(null, null, french)).toMatchObject({ language: 'fr', direction: 'ltr' });
  });
  it('resolveLanguage uses the body text', () => {
    const m = meta('<html lang="en"><body><p>x</p></body></html>');
    expect(resolveLanguage(m, 'هذا نص عربي طويل بما يكفي للتحقق من اللغة المعلنة في الصفحة وهو يتحدث عن الأخبار اليومية.')).toEqual({ language: 'ar', direction: 'rtl' });
  });
});

describe('other fields', () => {
  it('description without the appended date and site name; image made absolute', () => {
    const m = meta('<html><head><meta property="og:site_name" content="سبوتنيك"><meta name="description" content="نص الوصف هنا. 28.10.2025, سبوتنيك"><meta property="og:image" content="/i/a.jpg"></head><body></body></html>', { url: 'https://s.example/x' });
    expect(m.description).toBe('نص الوصف هنا.');
    expect(m.image).toEqual({ url: 'https://s.example/i/a.jpg', caption: null });
  });
  it('related links from boxes named by their label, in page order, absolute', () => {
    const m = meta('<html><body><h1>T</h1><p>نص الخبر.</p><p><strong>اقرأ أيضا:</strong> <a href="/news/2024/05/01/other-story">خبر آخر</a></p><p>نص.</p><h3>Read more</h3><ul><li><a href="https://x.example/a/second-story">Second</a></li></ul></body></html>', { url: 'https://x.example/news/this' });
    expect(m.related).toEqual(['https://x.example/news/2024/05/01/other-story', 'https://x.example/a/second-story']);
  });
  it('section from a JSON-LD breadcrumb when nothing else names it', () => {
    const m = meta(ld('[{"@type":"BreadcrumbList","itemListElement":[{"@type":"ListItem","position":2,"name":"Sport"},{"@type":"ListItem","position":1,"name":"Home"},{"@type":"ListItem","position":3,"name":"Cup final tonight"}]},{"@type":"NewsArticle","headline":"Cup final tonight"}]'));
    expect(m.section).toBe('Sport');
  });
  it('stays fast and iterative on very deep pages', () => {
    const deep = `<html><body>${'<div>'.repeat(100_000)}<time datetime="2024-01-01">x</time>${'</div>'.repeat(100_000)}</body></html>`;
    expect(meta(deep).published).toBe('2024-01-01');
  });
});
