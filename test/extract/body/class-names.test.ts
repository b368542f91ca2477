// Class and id names read as words: a vocabulary word inside a longer name does not decide a box.
import { describe, expect, it } from 'vitest';
import { parseDocument } from 'htmlparser2';
import type { Element } from 'domhandler';
import { extractArticle } from '../../../src/index.js';
import { classWords, nameSignals } from '../../../src/extract/body/names.js';

const el = (cls: string, id = ''): Element => (parseDocument(`<div class="${cls}"${id ? ` id="${id}"` : ''}></div>`).children[0] as Element);

const P = [
  'قال وزير الاقتصاد في مؤتمر صحفي اليوم إن الحكومة ستطرح خطة جديدة لدعم الصناعات الصغيرة، وإن التمويل سيبدأ خلال الربع المقبل من العام.',
  'وأوضح أن الخطة تشمل قروضا ميسرة وإعفاءات ضريبية مؤقتة، مشيرا إلى أن المصارف المحلية أبدت استعدادها للمشاركة في البرنامج منذ البداية.',
  'من جهتهم، رحب أصحاب المصانع بالقرار، وقالوا إنهم ينتظرون التفاصيل الكاملة قبل تقديم طلباتهم، خصوصا ما يتعلق بشروط الضمانات المطلوبة.',
];

const page = (inner: string): string => `<!doctype html><html lang="ar" dir="rtl"><head><title>خطة لدعم الصناعات الصغيرة</title></head><body>
  <nav><a href="/">الرئيسية</a> <a href="/eco">اقتصاد</a></nav>${inner}<footer><p>جميع الحقوق محفوظة للموقع ولا يجوز النقل دون إذن مسبق من إدارة التحرير.</p></footer></body></html>`;

describe('class names read as words', () => {
  it('splits camelCase, BEM, dashes, underscores and digits into words', () => {
    expect(classWords('selectionShareable')).toEqual(['selection', 'shareable']);
    expect(classWords('APageRoot')).toEqual(['a', 'page', 'root']);
    expect(classWords('sidebar-grid__content')).toEqual(['content']);
    expect(classWords('news_item2Body--wide')).toEqual(['news', 'item', 'body']);
  });

  it('ignores utility, state and taxonomy classes', () => {
    for (const cls of ['print:hidden', 'md:flex', 'is-active', 'has-sidebar', 'js-share', 'category-social', 'tag-comments']) {
      expect(classWords(cls), cls).toBeNull();
    }
    expect(nameSignals(el('tag-list')).strong).toBe(true);
  });

  it('knows compounds and phrases of boilerplate words, but not words that merely contain one', () => {
    expect(nameSignals(el('share-buttons')).strong).toBe(true);
    expect(nameSignals(el('commentlist')).strong).toBe(true);
    expect(nameSignals(el('read-more-box')).strong).toBe(true);
    expect(nameSignals(el('selectionShareable')).strong).toBe(false);
    expect(nameSignals(el('APageRoot')).strong).toBe(false);
    expect(nameSignals(el('content-sidebar-wrap')).strong).toBe(false);
  });

  it('does not let positive words lift a newsletter box', () => {
    const s = nameSignals(el('main_content_newsletter'));
    expect(s.body).toBe(false);
    expect(s.strong).toBe(true);
  });

  it('keeps paragraphs whose class merely contains a boilerplate word', () => {
    const html = page(`<div class="sidebar-grid__content"><h1>خطة لدعم الصناعات الصغيرة</h1>
      ${P.map((p) => `<p class="selectionShareable">${p}</p>`).join('')}
      <div class="share-buttons"><p>شارك هذا المقال مع أصدقائك على الشبكات الاجتماعية الآن ومن دون تأخير أبدا.</p></div></div>
      <aside class="sidebar"><ul><li><a href="/1">خبر آخر في الصفحة الجانبية عن موضوع مختلف تماما</a></li></ul></aside>`);
    const a = extractArticle(html);
    expect(a.blocks.map((b) => b.text)).toEqual(P);
  });

  it('never lets a weak word (widget, print, header) remove the box that holds the prose', () => {
    const html = page(`<article><h1>خطة لدعم الصناعات الصغيرة</h1>
      <div class="builder-widget-text print-area">${P.map((p) => `<p>${p}</p>`).join('')}</div>
      <div class="widget"><a href="/tag">وسم</a></div></article>`);
    const a = extractArticle(html);
    expect(a.blocks.map((b) => b.text)).toEqual(P);
  });

  it('keeps a weak-named wrapper whose many links would otherwise hide the prose inside it', () => {
    const links = Array.from({ length: 30 }, (_, i) => `<li><a href="/n/${i}">عنوان خبر آخر رقم ${i} في القائمة</a></li>`).join('');
    const html = page(`<div class="widget-area"><div class="story-text">${P.map((p) => `<p>${p}</p>`).join('')}</div><ul>${links}</ul></div>
      <div class="promo-card"><p>انضم إلى نادي القراء واحصل على مزايا حصرية كل أسبوع من فريق الموقع، ومنها رسائل خاصة.</p></div>`);
    const a = extractArticle(html);
    expect(a.blocks.map((b) => b.text)).toEqual(P);
  });
});

describe('generated component names', () => {
  it('recognises build-tool suffixes and does not let their positive words lift a box', () => {
    expect(nameSignals(el('main_content_m1tkq9zq')).body).toBe(false);
    expect(nameSignals(el('main_content_m1tkq9zq')).positive).toBe(false);
    expect(nameSignals(el('newsletter_box_x7k2p')).strong).toBe(true);
    expect(nameSignals(el('article-content')).body).toBe(true);
    expect(nameSignals(el('post_content_inner')).body).toBe(true);
  });
});
