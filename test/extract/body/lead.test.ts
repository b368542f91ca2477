// The lead (standfirst, dek, subtitle) between the headline and the body box is kept, once,
// as the first block, of type `lead`; kickers, bylines and teasers of other stories are not leads.
import { describe, expect, it } from 'vitest';
import { extractArticle } from '../../../src/index.js';

const AR = [
  'قال وزير الاقتصاد في مؤتمر صحفي اليوم إن الحكومة ستطرح خطة جديدة لدعم الصناعات الصغيرة، وإن التمويل سيبدأ خلال الربع المقبل من العام.',
  'وأوضح أن الخطة تشمل قروضا ميسرة وإعفاءات ضريبية مؤقتة، مشيرا إلى أن المصارف المحلية أبدت استعدادها للمشاركة في البرنامج منذ البداية.',
  'من جهتهم، رحب أصحاب المصانع بالقرار، وقالوا إنهم ينتظرون التفاصيل الكاملة قبل تقديم طلباتهم، خصوصا ما يتعلق بشروط الضمانات المطلوبة.',
];
const AR_LEAD = 'الحكومة تعد بقروض ميسرة وإعفاءات ضريبية للمصانع الصغيرة ابتداء من الربع المقبل.';

const EN = [
  'The harbour authority said on Tuesday that the new sea wall, started three years ago, was finished two weeks ahead of the planned date.',
  'Engineers raised the wall by almost a metre along the old quay, where storms flooded the fish market twice in the last decade.',
  'Traders welcomed the news, though several said they would wait for the first winter storms before moving stock back to the ground floor.',
];
const EN_LEAD = 'A metre-higher wall now guards the old quay, two weeks before the storm season starts.';

const paragraphs = (list: string[]): string => list.map((p) => `<p>${p}</p>`).join('\n');

function arabicPage(header: string, options: { description?: string } = {}): string {
  return `<!doctype html><html lang="ar" dir="rtl"><head><title>خطة لدعم الصناعات الصغيرة</title>
  ${options.description ? `<meta property="og:description" content="${options.description}">` : ''}</head><body>
  <nav><a href="/">الرئيسية</a> <a href="/eco">اقتصاد</a></nav>
  <main><article><header>${header}</header>
  <div class="article-body">${paragraphs(AR)}</div></article></main>
  <footer><p>جميع الحقوق محفوظة للموقع ولا يجوز النقل دون إذن مسبق من إدارة التحرير.</p></footer></body></html>`;
}

function englishPage(header: string, body: string = paragraphs(EN), head = ''): string {
  return `<!doctype html><html lang="en"><head><title>Sea wall finished early</title>${head}</head><body>
  <div class="masthead"><a href="/">Harbour Gazette</a></div>
  <article><div class="top">${header}</div><div class="story-body">${body}</div></article>
  <div class="footer-links"><a href="/about">About us</a> <a href="/contact">Contact</a></div></body></html>`;
}

describe('the lead', () => {
  it('keeps an Arabic subtitle under the headline as the first block, of type lead, and first in the text', () => {
    const a = extractArticle(arabicPage(`<h1>خطة لدعم الصناعات الصغيرة</h1><p class="article-subtitle">${AR_LEAD}</p>`));
    expect(a.blocks[0]).toEqual({ type: 'lead', text: AR_LEAD });
    expect(a.blocks.slice(1).map((b) => b.type)).toEqual(['paragraph', 'paragraph', 'paragraph']);
    expect(a.text.startsWith(`${AR_LEAD}\n\n${AR[0]}`)).toBe(true);
  });

  it('reads lead names as words in class, id and component attributes', () => {
    for (const attrs of ['class="standfirst"', 'class="ArticleHeader_deckText"', 'class="hero__excerpt"', 'data-testid="article-intro"', 'itemprop="description"', 'class="sub-title"', 'class="article__chapo"', 'class="news-brief"']) {
      const a = extractArticle(englishPage(`<h1>Sea wall finished early</h1><div ${attrs}>${EN_LEAD}</div>`));
      expect(a.blocks[0], attrs).toEqual({ type: 'lead', text: EN_LEAD });
    }
  });

  it('keeps several subtitle lines side by side, and is not misled by a lead-named label before them', () => {
    const second = 'Traders on the quay will be able to move their stock back before the first storms.';
    const a = extractArticle(englishPage(`<h1>Sea wall finished early</h1><div class="intro-place">Harbour</div>
      <div class="subtitles"><h2 class="subtitle">${EN_LEAD}</h2><h2 class="subtitle">${second}</h2></div>`));
    expect(a.blocks.slice(0, 3)).toEqual([{ type: 'lead', text: EN_LEAD }, { type: 'lead', text: second }, { type: 'paragraph', text: EN[0] }]);
  });

  it('finds the lead after a headline set in an <h2> when the page has no <h1>', () => {
    const a = extractArticle(englishPage(`<h2 class="headline">Sea wall finished early</h2><p class="standfirst">${EN_LEAD}</p>`));
    expect(a.blocks[0]).toEqual({ type: 'lead', text: EN_LEAD });
  });

  it('finds an unnamed lead that repeats the page description', () => {
    const a = extractArticle(englishPage(`<h1>Sea wall finished early</h1><div><p>${EN_LEAD}</p></div>`, paragraphs(EN), `<meta name="description" content="${EN_LEAD}">`));
    expect(a.blocks[0]).toEqual({ type: 'lead', text: EN_LEAD });
  });

  it('never repeats a lead the body already holds', () => {
    const opens = extractArticle(englishPage(`<h1>Sea wall finished early</h1>`, paragraphs([EN_LEAD, ...EN]), `<meta name="description" content="${EN_LEAD}">`));
    expect(opens.blocks.map((b) => b.type)).toEqual(['paragraph', 'paragraph', 'paragraph', 'paragraph']);
    const repeated = extractArticle(englishPage(`<h1>Sea wall finished early</h1><p class="standfirst">${EN_LEAD}</p>`, paragraphs([EN_LEAD, ...EN])));
    expect(repeated.blocks.filter((b) => b.text === EN_LEAD)).toHaveLength(1);
  });

  it('is not a kicker, a byline, a date or a photo caption', () => {
    const a = extractArticle(englishPage(
      `<p class="kicker">Coastal defences in focus this winter season</p><h1>Sea wall finished early</h1>
       <p class="subtitle-kicker">Coastal defences in focus this winter season</p>
       <div class="intro-byline">By Jane Doe and Sam Roe, harbour correspondents</div>
       <div class="summary-date">Tuesday 4 March 2025, 10:30</div>
       <div class="lead-image"><div class="description">The old quay seen from the water at low tide, with the new wall behind it.</div></div>`,
    ));
    expect(a.blocks.some((b) => b.type === 'lead')).toBe(false);
    expect(a.blocks[0]!.text).toBe(EN[0]);
  });

  it('knows kicker words of other languages (volanta, occhiello, surtitre)', () => {
    for (const cls of ['subtitle-volanta', 'sottotitolo-occhiello', 'chapo-surtitre']) {
      const a = extractArticle(englishPage(`<h1>Sea wall finished early</h1><p class="${cls}">Coastal defences in focus this winter season</p>`));
      expect(a.blocks.some((b) => b.type === 'lead'), cls).toBe(false);
    }
  });

  it('does not take the teaser of another story, or a tagline under a masthead <h1> that is not the headline', () => {
    const teaser = extractArticle(englishPage(
      `<h1>Sea wall finished early</h1><div class="related-stories"><div class="excerpt">Ferry timetable changes for the spring, and what they mean for commuters.</div></div>`,
    ));
    expect(teaser.blocks.some((b) => b.type === 'lead')).toBe(false);
    const masthead = extractArticle(`<!doctype html><html lang="en"><head><title>Sea wall finished early</title></head><body>
      <header><h1>Harbour Gazette</h1><p class="tagline-subtitle">News from the quays and the town, every day since 1902.</p></header>
      <article><h2>Sea wall finished early</h2><div class="story-body">${paragraphs(EN)}</div></article></body></html>`);
    expect(masthead.blocks.some((b) => b.type === 'lead')).toBe(false);
  });
});
