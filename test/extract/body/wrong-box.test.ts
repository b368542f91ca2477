// The box that wins must be the article, not a listing, a reference list or a popup next to it.
import { describe, expect, it } from 'vitest';
import { extractArticle } from '../../../src/index.js';

const ARTICLE = [
  'The city council voted on Tuesday to extend the night bus network to the northern districts, after a year of complaints from shift workers.',
  'The new lines start in March, and the council said it would review ridership after six months before deciding on weekend service.',
];

const teaser = (i: number): string => `<li class="card"><h3><a href="/story/${i}">Another story number ${i} about the city</a></h3>
  <p>A teaser of the other story, long enough to read like prose, with a comma, a clause, and a few more words ${i}.</p>
  <span class="date">3 May 2024</span></li>`;

const page = (inner: string): string => `<!doctype html><html lang="en"><head><title>Night buses reach the north</title></head><body>
  <header><a href="/">City News</a></header>${inner}<footer><p>© City News, all rights reserved, reproduction without permission prohibited.</p></footer></body></html>`;

describe('the wrong box does not win', () => {
  it('prefers a short article to a longer listing of teaser cards beside it', () => {
    const html = page(`<main><div class="story"><h1>Night buses reach the north</h1>${ARTICLE.map((p) => `<p>${p}</p>`).join('')}</div>
      <div class="more"><ul>${[1, 2, 3, 4, 5, 6].map(teaser).join('')}</ul></div></main>`);
    const a = extractArticle(html);
    expect(a.text).toContain(ARTICLE[0]);
    expect(a.text).toContain(ARTICLE[1]);
    expect(a.text).not.toContain('A teaser of the other story');
  });

  it('prefers a short abstract to the long reference list after it', () => {
    const refs = Array.from({ length: 12 }, (_, i) => `<li>Author A, Author B, Author C, et al. A study of item ${i}, with results, methods, and notes. J Stud. 2019;${i}:1-9.</li>`).join('');
    const html = page(`<main><section class="abstract"><h1>Night buses reach the north</h1>${ARTICLE.map((p) => `<p>${p}</p>`).join('')}</section>
      <section class="references"><h2>References</h2><ol>${refs}</ol></section></main>`);
    const a = extractArticle(html);
    expect(a.text).toContain(ARTICLE[0]);
    expect(a.text).not.toContain('Author A, Author B');
  });

  it('does not let a good class name on a few words outscore the article', () => {
    const promo = (i: number): string => `<div class="main_content_x${i}q7"><p>Get our morning briefing, free, every weekday ${i}.</p></div>`;
    const html = page(`<div class="c1"><div class="c2">${[1, 2, 3].map(promo).join('')}</div>
      <div class="c3"><h1>Night buses reach the north</h1>${ARTICLE.map((p) => `<p>${p}</p>`).join('')}
      <p>Residents said the change, long demanded, would make late shifts at the hospital and the port much easier to reach.</p></div></div>`);
    const a = extractArticle(html);
    expect(a.text).toContain(ARTICLE[0]);
    expect(a.text).not.toContain('morning briefing');
  });

  it('does not take a popover for the article', () => {
    const html = page(`<div class="cookie-note-popover"><p>We use small files to remember your settings, and, with your consent, to measure visits and improve the site for everyone.</p></div>
      <div class="wrap"><h1>Night buses reach the north</h1>${ARTICLE.map((p) => `<div>${p}</div>`).join('')}</div>`);
    const a = extractArticle(html);
    expect(a.text).toContain(ARTICLE[1]);
    expect(a.text).not.toContain('small files');
  });

  it('keeps a body split into sections whole, even when each section scores less than a box elsewhere', () => {
    const parts = [
      ['الخلفية', 'بدأت الأزمة قبل عامين، حين قررت البلدية تقليص عدد الحافلات الليلية، فاشتكى العمال، وطالبت النقابات بحل سريع، وتعددت العرائض.'],
      ['القرار', 'صوت المجلس البلدي أمس على إعادة الخطوط، وقال رئيسه إن التمويل متوفر، وإن التنفيذ سيبدأ في الربيع، وإن المراجعة ستتم بعد ستة أشهر.'],
      ['ردود الفعل', 'رحب السكان بالقرار، وقالوا إنه تأخر كثيرا، لكنه سيخفف عنهم عناء التنقل ليلا، خصوصا العاملين في المستشفى والميناء والمطار.'],
    ];
    const sections = parts.map(([h, p]) => `<section><h2>${h}</h2><p>${p}</p></section>`).join('');
    const widget = `<div class="box"><p>${'هذا نص طويل في صندوق جانبي، يتكرر، ويمتد، ويحمل فواصل كثيرة، ولا علاقة له بالخبر، '.repeat(4)}</p></div>`;
    const html = `<!doctype html><html lang="ar" dir="rtl"><head><title>عودة الحافلات الليلية</title></head><body>
      <div class="layout"><div class="col-a"><h1>عودة الحافلات الليلية</h1><div class="text">${sections}</div></div>
      <div class="col-b">${widget}</div></div></body></html>`;
    const a = extractArticle(html);
    for (const [, p] of parts) expect(a.text).toContain(p);
    expect(a.text).not.toContain('صندوق جانبي');
  });
});
