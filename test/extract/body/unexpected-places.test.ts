// Text that is in the page but not where a parser expects it: a part that streamed rendering
// sends hidden and a script moves into place, <noscript> on a page otherwise empty of prose,
// a <head> that is never closed, a page wrapped in one <form>.
import { describe, expect, it } from 'vitest';
import { extractArticle } from '../../../src/index.js';

const AR = [
  'أعلنت بلدية المدينة أن أعمال ترميم السوق القديم ستبدأ مطلع الشهر المقبل، وأن المحال ستبقى مفتوحة طوال فترة الأعمال التي تستمر ستة أشهر.',
  'وقال رئيس البلدية إن المشروع يشمل إصلاح الأسقف الخشبية وتجديد شبكة الصرف، مضيفا أن التمويل جاء من منحة حكومية ومساهمات التجار أنفسهم.',
  'ورحب التجار بالخطوة، لكنهم طالبوا بجدول زمني واضح لكل مرحلة، حتى يتمكنوا من ترتيب بضائعهم وتجنب الخسائر خلال موسم الأعياد المقبل.',
];
const paragraphs = AR.map((p) => `<p>${p}</p>`).join('\n');
const head = '<meta charset="utf-8"><title>ترميم السوق القديم</title>';

describe('text in unexpected places', () => {
  it('shows a streamed part where its placeholder is, when the page script swaps it in', () => {
    const html = `<!doctype html><html lang="ar" dir="rtl"><head>${head}</head><body>
      <header><a href="/">الرئيسية</a></header>
      <main><h1>ترميم السوق القديم</h1><!--$?--><template id="B:0"></template><div class="spinner"></div><!--/$--></main>
      <footer><a href="/about">من نحن</a></footer>
      <div hidden id="S:0"><article class="story">${paragraphs}</article></div>
      <script>$RC=function(b,c){/* swap */};$RC("B:0","S:0")</script>
      <div hidden id="login-dialog"><p>سجل الدخول لمتابعة القراءة والتعليق على الأخبار ومشاركة المقالات مع أصدقائك على الشبكات.</p></div>
      <script>document.getElementById("login-dialog")</script></body></html>`;
    const a = extractArticle(html);
    expect(a.blocks.map((b) => b.text)).toEqual(AR);
    expect(a.text).not.toContain('سجل الدخول');
  });

  it('reads <noscript> only when the page is otherwise empty of prose', () => {
    const empty = extractArticle(`<!doctype html><html lang="ar"><head>${head}</head><body><div id="app"></div>
      <noscript><article>${paragraphs}</article></noscript><noscript><img src="/pixel.gif"></noscript></body></html>`);
    expect(empty.blocks.map((b) => b.text)).toEqual(AR);
    const full = extractArticle(`<!doctype html><html lang="ar"><head>${head}</head><body><article>${paragraphs}</article>
      <noscript><p>يرجى تفعيل جافاسكريبت في متصفحك حتى تعمل جميع خصائص هذا الموقع بشكل صحيح ومن دون أي مشكلات.</p></noscript></body></html>`);
    expect(full.blocks.map((b) => b.text)).toEqual(AR);
  });

  it('finds the article when the <head> is never closed', () => {
    const a = extractArticle(`<html lang="ar"><head>${head}<link rel="stylesheet" href="/s.css">
      <div class="top"><a href="/">الرئيسية</a></div><div class="article">${paragraphs}</div></html>`);
    expect(a.title).toBe('ترميم السوق القديم');
    expect(a.blocks.map((b) => b.text)).toEqual(AR);
  });

  it('leaves what scripts put into the <head> of a page that has a <body> out of the article', () => {
    const banner = 'نستخدم ملفات تعريف الارتباط لتحسين تجربتك على موقعنا، ولتحليل حركة الزوار، ولعرض محتوى يناسب اهتماماتك، ويمكنك تغيير إعداداتك في أي وقت من صفحة الخصوصية.';
    const a = extractArticle(`<html lang="ar"><head>${head}<div class="cc-box"><p>${banner}</p><p>${banner}</p><p>${banner}</p></div></head>
      <body><div class="article">${paragraphs}</div></body></html>`);
    expect(a.blocks.map((b) => b.text)).toEqual(AR);
  });

  it('keeps the article when one <form> wraps the whole page', () => {
    const a = extractArticle(`<!doctype html><html lang="ar"><head>${head}</head><body><form method="post" action="./news.aspx" id="form1">
      <input type="hidden" name="__VIEWSTATE" value="abc">${paragraphs}</form></body></html>`);
    expect(a.blocks.map((b) => b.text)).toEqual(AR);
    const wrapped = extractArticle(`<!doctype html><html lang="ar"><head>${head}</head><body><div id="page"><form method="post" id="form1">
      <input type="hidden" name="__VIEWSTATE" value="abc">${paragraphs}</form></div></body></html>`);
    expect(wrapped.blocks.map((b) => b.text)).toEqual(AR);
  });

  it('still drops a small form inside the article (a newsletter sign-up)', () => {
    const a = extractArticle(`<!doctype html><html lang="ar"><head>${head}</head><body><article>${paragraphs}
      <form action="/subscribe"><p>اشترك في نشرتنا البريدية الأسبوعية لتصلك آخر الأخبار والتقارير مباشرة إلى بريدك.</p><input type="email"></form>
      </article></body></html>`);
    expect(a.blocks.map((b) => b.text)).toEqual(AR);
  });
});
