// Body extraction rules, each on a small page written here (English and Arabic).
import { describe, expect, it } from 'vitest';
import { extractArticle } from '../../src/index.js';

const lorem = (n: number, word = 'سياسة'): string => Array.from({ length: n }, (_, i) => `${word}${i % 7}`).join(' ');

function page(body: string, head = ''): string {
  return `<!doctype html><html lang="ar" dir="rtl"><head><title>عنوان الخبر - موقع الأخبار</title>${head}</head><body>
  <nav><ul><li><a href="/">الرئيسية</a></li><li><a href="/politics">سياسة</a></li><li><a href="/economy">اقتصاد</a></li></ul></nav>
  ${body}
  <footer><p>جميع الحقوق محفوظة © 2025 موقع الأخبار. سياسة الخصوصية وشروط الاستخدام وكل ما يتعلق بها من بنود وأحكام.</p></footer>
  </body></html>`;
}

const P1 = 'قال وزير الخارجية في مؤتمر صحفي عقده اليوم في العاصمة إن المحادثات مع الجانب الآخر حققت تقدما ملموسا، وإن الطرفين اتفقا على مواصلة الحوار خلال الأسابيع المقبلة.';
const P2 = 'وأضاف الوزير أن الاتفاق يشمل ملفات التجارة والطاقة والنقل، مشيرا إلى أن فرق العمل الفنية ستبدأ اجتماعاتها مطلع الشهر المقبل لوضع التفاصيل النهائية.';
const P3 = 'من جهتها، رحبت الغرفة التجارية بالخطوة، وقالت في بيان إن القطاع الخاص ينتظر منذ سنوات مثل هذا الانفتاح الذي سيعود بالنفع على الاقتصاد الوطني والمواطنين.';

describe('extractArticle: body', () => {
  it('keeps the paragraphs in page order and leaves navigation and footer out', () => {
    const a = extractArticle(page(`<article><h1>عنوان الخبر</h1><p>${P1}</p><p>${P2}</p><p>${P3}</p></article>`), { url: 'https://news.example/a/1' });
    expect(a.blocks.map((b) => b.text)).toEqual([P1, P2, P3]);
    expect(a.text).toBe([P1, P2, P3].join('\n\n'));
    expect(a.text).not.toContain('الرئيسية');
    expect(a.text).not.toContain('جميع الحقوق');
  });

  it('never lets hidden nodes reach the body, and never repeats a paragraph', () => {
    const hidden = `<div itemprop="articleBody" style="display:none">${P1}${P2}${P3}</div>
      <div hidden><p>${lorem(30)}</p></div><div aria-hidden="true"><p>نص مخفي لا يراه القارئ أبدا في الصفحة المنشورة هنا.</p></div>
      <template><p>قالب لا يظهر</p></template><div style="visibility: hidden"><p>نص غير مرئي في هذه الصفحة على الإطلاق للقارئ.</p></div>`;
    const a = extractArticle(page(`<article>${hidden}<p>${P1}</p><p>${P2}</p><p>${P2}</p><p>${P3}</p></article>`));
    expect(a.blocks.map((b) => b.text)).toEqual([P1, P2, P3]);
    expect(a.text).not.toContain('مخفي');
    expect(a.text).not.toContain('قالب');
  });

  it('joins inline elements without losing or doubling spaces, in Arabic and English', () => {
    const ar = `<p>قال <a href="/x">الوزير</a> إن <b>الاتفاق</b>، الذي <em>وُقّع</em> أمس، سيدخل حيز التنفيذ فورا بعد نشره في الجريدة الرسمية للدولة.</p>`;
    const en = `<p>The <a href="/m">minister</a> said the <b>deal</b>, signed <i>yesterday</i>,takes effect on pub<span>lication</span> in the official gazette of the state.</p>`;
    const a = extractArticle(page(`<article>${ar}${en}<p>${P1}</p></article>`));
    expect(a.blocks[0]!.text).toBe('قال الوزير إن الاتفاق، الذي وُقّع أمس، سيدخل حيز التنفيذ فورا بعد نشره في الجريدة الرسمية للدولة.');
    expect(a.blocks[1]!.text).toBe('The minister said the deal, signed yesterday,takes effect on publication in the official gazette of the state.');
  });

  it('drops share bars, "read also" boxes, related lists, newsletter and cookie banners, comments and bylines', () => {
    const a = extractArticle(
      page(`<div class="cookie-banner"><p>نستخدم ملفات تعريف الارتباط لتحسين تجربتك على موقعنا، هل توافق على ذلك؟</p></div>
      <article class="article">
        <h1>عنوان الخبر</h1>
        <div class="byline">بقلم: أحمد علي</div>
        <div class="share-bar"><a href="#">فيسبوك</a> <a href="#">تويتر</a> <a href="#">واتساب</a></div>
        <div class="article-body">
          <p>${P1}</p>
          <div class="read-also"><span>اقرأ أيضا:</span> <a href="/a/2">الوزير يلتقي نظيره في جولة جديدة من المحادثات الثنائية</a></div>
          <p>${P2}</p>
          <p>اقرأ أيضاً: <a href="/a/3">تفاصيل الاتفاق الجديد بين البلدين في مجال الطاقة والنقل</a></p>
          <p>${P3}</p>
          <div class="newsletter"><p>اشترك في نشرتنا البريدية ليصلك أهم الأخبار يوميا على بريدك الإلكتروني مجانا.</p></div>
        </div>
        <section class="related-articles"><h3>أخبار ذات صلة</h3><ul><li><a href="/a/4">خبر متعلق بالموضوع نفسه في قسم السياسة</a></li><li><a href="/a/5">خبر آخر متعلق بالموضوع في قسم الاقتصاد</a></li></ul></section>
        <section id="comments"><h3>التعليقات</h3><div class="comment"><p>${lorem(40, 'تعليق')}</p></div></section>
      </article>`),
    );
    expect(a.blocks.map((b) => b.text)).toEqual([P1, P2, P3]);
  });

  it('keeps headings, quotes and list items as typed blocks', () => {
    const a = extractArticle(page(`<article><p>${P1}</p><h2>خلفية الاتفاق</h2><blockquote>${P2}</blockquote><ul><li>${P3}</li><li>البند الثاني من الاتفاق يتعلق بالطاقة المتجددة وتوسيع الشبكات.</li></ul></article>`));
    expect(a.blocks.map((b) => b.type)).toEqual(['paragraph', 'heading', 'quote', 'list-item', 'list-item']);
  });

  it('makes one table block per row, cells separated', () => {
    const a = extractArticle(page(`<article><p>${P1}</p><table><tr><th>الفريق</th><th>النقاط</th></tr><tr><td>الأهلي</td><td>٤٥</td></tr></table><p>${P2}</p></article>`));
    expect(a.blocks.filter((b) => b.type === 'table').map((b) => b.text)).toEqual(['الفريق | النقاط', 'الأهلي | ٤٥']);
  });

  it('reads text written straight into a box between <br>s', () => {
    const a = extractArticle(page(`<div class="content"><h1>عنوان الخبر</h1>${P1}<br><br>${P2}<br><br>${P3}</div><div class="sidebar"><a href="/1">خبر</a> <a href="/2">خبر آخر</a></div>`));
    expect(a.blocks.map((b) => b.text)).toEqual([P1, P2, P3]);
  });

  it('fills the record: language, direction, word count, hash, links', () => {
    const a = extractArticle(page(`<article><p>${P1} <a href="/a/9">رابط داخلي</a></p><p>${P2}</p><p>${P3}</p></article>`), { url: 'https://news.example/a/1' });
    expect(a.language).toBe('ar');
    expect(a.direction).toBe('rtl');
    expect(a.wordCount).toBeGreaterThan(60);
    expect(a.contentHash).toMatch(/^[0-9a-f]{16}$/);
    expect(a.links.inBody).toContain('https://news.example/a/9');
    expect(a.id).toMatch(/^[0-9a-f]{16}$/);
  });

  it('returns an empty body with a reason for a page without text', () => {
    const a = extractArticle('<html><body><nav><a href="/">Home</a></nav></body></html>');
    expect(a.text).toBe('');
    expect(a.extraction.emptyReason).toBeTruthy();
  });
});

describe('extractArticle: Arabic page furniture', () => {
  it('drops Arabic date lines, bylines and tool labels at the edges, and the tags box at the end', () => {
    const a = extractArticle(
      page(`<article>
        <div class="info">الثلاثاء ٢٨ أكتوبر ٢٠٢٥ - ٠٤:٣٢ م</div>
        <div>كتب: محمد حسن</div>
        <p>${P1}</p><p>${P2}</p><p>${P3}</p>
        <div>آخر تحديث: 28 أكتوبر/تشرين الأول 2025 16:46 بتوقيت مكة</div>
        <div>طباعة</div>
        <h4>الكلمات المفتاحية</h4><div><a href="/t/1">وزير الخارجية</a> <a href="/t/2">مفاوضات</a></div>
      </article>`),
    );
    expect(a.blocks.map((b) => b.text)).toEqual([P1, P2, P3]);
  });
});

describe('extractArticle: structured data as evidence', () => {
  const ld = (body: string): string =>
    `<script type="application/ld+json">${JSON.stringify({ '@context': 'https://schema.org', '@type': 'NewsArticle', headline: 'عنوان الخبر', articleBody: body })}</script>`;

  it('fills the body from JSON-LD when the page renders its text with scripts', () => {
    const a = extractArticle(page('<div id="app"></div>', ld(`${P1}\n${P2}\n${P3}`)));
    expect(a.blocks.map((b) => b.text)).toEqual([P1, P2, P3]);
    expect(a.extraction.method).toBe('structured');
  });

  it('prefers the visible page when the JSON-LD body is a stale or truncated copy', () => {
    const a = extractArticle(page(`<article><p>${P1}</p><p>${P2}</p><p>${P3}</p></article>`, ld(P1.slice(0, 60))));
    expect(a.blocks.map((b) => b.text)).toEqual([P1, P2, P3]);
    expect(a.extraction.method).toBe('dom-score');
  });
});
